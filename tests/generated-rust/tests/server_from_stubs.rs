//! A GraphQL server built from the rust-server stubs for Shopify's storefront schema, with
//! hand-written resolvers, answering a real query over HTTP on 127.0.0.1; and the SDL that
//! server prints compared with gqlsmith's model of the same schema; and that server's schema
//! introspected over HTTP as `gqlsmith introspect URL` does it.
//!
//! One file on purpose, though it is over 800 lines: it is one server. Most of it is the
//! resolvers the generated traits require, one method for every field of the storefront's
//! query root, mutation root, `Shop`, `ApiVersion` and `Menu` (105 methods, 95 of them
//! `not_served()`): a user's server looks like this, and the compiler, not a reader, checks
//! that list. The tests and their helpers follow the resolvers, and read the answers of the
//! few fields served there.

use std::sync::Arc;
use std::time::Duration;

use async_graphql::async_trait::async_trait;
use gqlsmith_generated_rust::shopify_server::*;
use gqlsmith_model::{Schema, TypeKind};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The schema the stubs serve, built as a user builds it.
fn served_schema() -> async_graphql::dynamic::Schema {
    schema_builder(TestQuery, TestMutation)
        .and_then(|builder| builder.finish())
        .expect("the generated schema builds")
}

/// What every field this test does not serve answers.
fn not_served<T>() -> async_graphql::Result<T> {
    Err(async_graphql::Error::new("not served by this test"))
}

struct TestQuery;
struct TestMutation;
struct TestShop;
struct TestApiVersion {
    handle: &'static str,
    supported: bool,
}
struct TestMenu {
    handle: String,
}

#[async_trait]
impl QueryRootResolver for TestQuery {
    async fn article(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _id: async_graphql::ID,
    ) -> async_graphql::Result<Option<Article>> {
        not_served()
    }
    async fn articles(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _after: Option<String>,
        _before: Option<String>,
        _first: Option<i32>,
        _last: Option<i32>,
        _query: Option<String>,
        _reverse: Option<bool>,
        _sort_key: Option<ArticleSortKeys>,
    ) -> async_graphql::Result<ArticleConnection> {
        not_served()
    }
    async fn blog(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _handle: Option<String>,
        _id: Option<async_graphql::ID>,
    ) -> async_graphql::Result<Option<Blog>> {
        not_served()
    }
    async fn blog_by_handle(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _handle: String,
    ) -> async_graphql::Result<Option<Blog>> {
        not_served()
    }
    async fn blogs(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _after: Option<String>,
        _before: Option<String>,
        _first: Option<i32>,
        _last: Option<i32>,
        _query: Option<String>,
        _reverse: Option<bool>,
        _sort_key: Option<BlogSortKeys>,
    ) -> async_graphql::Result<BlogConnection> {
        not_served()
    }
    async fn cart(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _id: async_graphql::ID,
    ) -> async_graphql::Result<Option<Cart>> {
        not_served()
    }
    async fn cart_completion_attempt(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _attempt_id: String,
    ) -> async_graphql::Result<Option<CartCompletionAttemptResult>> {
        not_served()
    }
    async fn collection(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _handle: Option<String>,
        _id: Option<async_graphql::ID>,
    ) -> async_graphql::Result<Option<Collection>> {
        not_served()
    }
    async fn collection_by_handle(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _handle: String,
    ) -> async_graphql::Result<Option<Collection>> {
        not_served()
    }
    async fn collections(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _after: Option<String>,
        _before: Option<String>,
        _first: Option<i32>,
        _last: Option<i32>,
        _query: Option<String>,
        _reverse: Option<bool>,
        _sort_key: Option<CollectionSortKeys>,
    ) -> async_graphql::Result<CollectionConnection> {
        not_served()
    }
    async fn customer(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _customer_access_token: String,
    ) -> async_graphql::Result<Option<Customer>> {
        not_served()
    }
    async fn localization(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Localization> {
        not_served()
    }
    async fn locations(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _after: Option<String>,
        _before: Option<String>,
        _first: Option<i32>,
        _last: Option<i32>,
        _near: Option<GeoCoordinateInput>,
        _reverse: Option<bool>,
        _sort_key: Option<LocationSortKeys>,
    ) -> async_graphql::Result<LocationConnection> {
        not_served()
    }
    async fn menu(
        &self,
        _ctx: &async_graphql::Context<'_>,
        handle: String,
    ) -> async_graphql::Result<Option<Menu>> {
        Ok((handle != "missing").then(|| Menu::new(TestMenu { handle })))
    }
    async fn metaobject(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _handle: Option<MetaobjectHandleInput>,
        _id: Option<async_graphql::ID>,
    ) -> async_graphql::Result<Option<Metaobject>> {
        not_served()
    }
    async fn metaobjects(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _after: Option<String>,
        _before: Option<String>,
        _first: Option<i32>,
        _last: Option<i32>,
        _reverse: Option<bool>,
        _sort_key: Option<String>,
        _type: String,
    ) -> async_graphql::Result<MetaobjectConnection> {
        not_served()
    }
    async fn node(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _id: async_graphql::ID,
    ) -> async_graphql::Result<Option<Node>> {
        not_served()
    }
    async fn nodes(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _ids: Vec<async_graphql::ID>,
    ) -> async_graphql::Result<Vec<Option<Node>>> {
        not_served()
    }
    async fn page(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _handle: Option<String>,
        _id: Option<async_graphql::ID>,
    ) -> async_graphql::Result<Option<Page>> {
        not_served()
    }
    async fn page_by_handle(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _handle: String,
    ) -> async_graphql::Result<Option<Page>> {
        not_served()
    }
    async fn pages(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _after: Option<String>,
        _before: Option<String>,
        _first: Option<i32>,
        _last: Option<i32>,
        _query: Option<String>,
        _reverse: Option<bool>,
        _sort_key: Option<PageSortKeys>,
    ) -> async_graphql::Result<PageConnection> {
        not_served()
    }
    async fn payment_settings(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<PaymentSettings> {
        not_served()
    }
    async fn predictive_search(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _limit: Option<i32>,
        _limit_scope: Option<PredictiveSearchLimitScope>,
        _query: String,
        _searchable_fields: Option<Vec<SearchableField>>,
        _types: Option<Vec<PredictiveSearchType>>,
        _unavailable_products: Option<SearchUnavailableProductsType>,
    ) -> async_graphql::Result<Option<PredictiveSearchResult>> {
        not_served()
    }
    async fn product(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _handle: Option<String>,
        _id: Option<async_graphql::ID>,
    ) -> async_graphql::Result<Option<Product>> {
        not_served()
    }
    async fn product_by_handle(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _handle: String,
    ) -> async_graphql::Result<Option<Product>> {
        not_served()
    }
    async fn product_recommendations(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _intent: Option<ProductRecommendationIntent>,
        _product_handle: Option<String>,
        _product_id: Option<async_graphql::ID>,
    ) -> async_graphql::Result<Option<Vec<Product>>> {
        not_served()
    }
    async fn product_tags(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _first: i32,
    ) -> async_graphql::Result<StringConnection> {
        not_served()
    }
    async fn product_types(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _first: i32,
    ) -> async_graphql::Result<StringConnection> {
        not_served()
    }
    async fn products(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _after: Option<String>,
        _before: Option<String>,
        _first: Option<i32>,
        _last: Option<i32>,
        _query: Option<String>,
        _reverse: Option<bool>,
        _sort_key: Option<ProductSortKeys>,
    ) -> async_graphql::Result<ProductConnection> {
        not_served()
    }
    async fn public_api_versions(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Vec<ApiVersion>> {
        Ok(vec![
            ApiVersion::new(TestApiVersion {
                handle: "2026-04",
                supported: true,
            }),
            ApiVersion::new(TestApiVersion {
                handle: "2024-01",
                supported: false,
            }),
        ])
    }
    async fn search(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _after: Option<String>,
        _before: Option<String>,
        _first: Option<i32>,
        _last: Option<i32>,
        _prefix: Option<SearchPrefixQueryType>,
        _product_filters: Option<Vec<ProductFilter>>,
        _query: String,
        _reverse: Option<bool>,
        _sort_key: Option<SearchSortKeys>,
        _types: Option<Vec<SearchType>>,
        _unavailable_products: Option<SearchUnavailableProductsType>,
    ) -> async_graphql::Result<SearchResultItemConnection> {
        not_served()
    }
    async fn shop(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<Shop> {
        Ok(Shop::new(TestShop))
    }
    async fn sitemap(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _type: SitemapType,
    ) -> async_graphql::Result<Sitemap> {
        not_served()
    }
    async fn url_redirects(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _after: Option<String>,
        _before: Option<String>,
        _first: Option<i32>,
        _last: Option<i32>,
        _query: Option<String>,
        _reverse: Option<bool>,
    ) -> async_graphql::Result<UrlRedirectConnection> {
        not_served()
    }
}

#[async_trait]
impl MutationResolver for TestMutation {
    async fn cart_attributes_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _attributes: Vec<AttributeInput>,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartAttributesUpdatePayload>> {
        not_served()
    }
    async fn cart_billing_address_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _billing_address: Option<MailingAddressInput>,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartBillingAddressUpdatePayload>> {
        not_served()
    }
    async fn cart_buyer_identity_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _buyer_identity: CartBuyerIdentityInput,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartBuyerIdentityUpdatePayload>> {
        not_served()
    }
    async fn cart_clone(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartClonePayload>> {
        not_served()
    }
    async fn cart_create(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _input: Option<CartInput>,
    ) -> async_graphql::Result<Option<CartCreatePayload>> {
        not_served()
    }
    async fn cart_delivery_addresses_add(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _addresses: Vec<CartSelectableAddressInput>,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartDeliveryAddressesAddPayload>> {
        not_served()
    }
    async fn cart_delivery_addresses_remove(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _address_ids: Vec<async_graphql::ID>,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartDeliveryAddressesRemovePayload>> {
        not_served()
    }
    async fn cart_delivery_addresses_replace(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _addresses: Vec<CartSelectableAddressInput>,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartDeliveryAddressesReplacePayload>> {
        not_served()
    }
    async fn cart_delivery_addresses_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _addresses: Vec<CartSelectableAddressUpdateInput>,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartDeliveryAddressesUpdatePayload>> {
        not_served()
    }
    async fn cart_discount_codes_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
        _discount_codes: Vec<String>,
    ) -> async_graphql::Result<Option<CartDiscountCodesUpdatePayload>> {
        not_served()
    }
    async fn cart_gift_card_codes_add(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
        _gift_card_codes: Vec<String>,
    ) -> async_graphql::Result<Option<CartGiftCardCodesAddPayload>> {
        not_served()
    }
    async fn cart_gift_card_codes_remove(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _applied_gift_card_ids: Vec<async_graphql::ID>,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartGiftCardCodesRemovePayload>> {
        not_served()
    }
    async fn cart_gift_card_codes_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
        _gift_card_codes: Vec<String>,
    ) -> async_graphql::Result<Option<CartGiftCardCodesUpdatePayload>> {
        not_served()
    }
    async fn cart_lines_add(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
        _lines: Vec<CartLineInput>,
    ) -> async_graphql::Result<Option<CartLinesAddPayload>> {
        not_served()
    }
    async fn cart_lines_remove(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
        _line_ids: Vec<async_graphql::ID>,
    ) -> async_graphql::Result<Option<CartLinesRemovePayload>> {
        not_served()
    }
    async fn cart_lines_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
        _lines: Vec<CartLineUpdateInput>,
    ) -> async_graphql::Result<Option<CartLinesUpdatePayload>> {
        not_served()
    }
    async fn cart_metafield_delete(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _input: CartMetafieldDeleteInput,
    ) -> async_graphql::Result<Option<CartMetafieldDeletePayload>> {
        not_served()
    }
    async fn cart_metafields_set(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _metafields: Vec<CartMetafieldsSetInput>,
    ) -> async_graphql::Result<Option<CartMetafieldsSetPayload>> {
        not_served()
    }
    async fn cart_note_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
        _note: String,
    ) -> async_graphql::Result<Option<CartNoteUpdatePayload>> {
        not_served()
    }
    async fn cart_payment_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
        _payment: CartPaymentInput,
    ) -> async_graphql::Result<Option<CartPaymentUpdatePayload>> {
        not_served()
    }
    async fn cart_prepare_for_completion(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartPrepareForCompletionPayload>> {
        not_served()
    }
    async fn cart_remove_personal_data(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartRemovePersonalDataPayload>> {
        not_served()
    }
    async fn cart_selected_delivery_options_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _cart_id: async_graphql::ID,
        _selected_delivery_options: Vec<CartSelectedDeliveryOptionInput>,
    ) -> async_graphql::Result<Option<CartSelectedDeliveryOptionsUpdatePayload>> {
        not_served()
    }
    async fn cart_submit_for_completion(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _attempt_token: String,
        _cart_id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CartSubmitForCompletionPayload>> {
        not_served()
    }
    async fn customer_access_token_create(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _input: CustomerAccessTokenCreateInput,
    ) -> async_graphql::Result<Option<CustomerAccessTokenCreatePayload>> {
        not_served()
    }
    async fn customer_access_token_create_with_multipass(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _multipass_token: String,
    ) -> async_graphql::Result<Option<CustomerAccessTokenCreateWithMultipassPayload>> {
        not_served()
    }
    async fn customer_access_token_delete(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _customer_access_token: String,
    ) -> async_graphql::Result<Option<CustomerAccessTokenDeletePayload>> {
        not_served()
    }
    async fn customer_access_token_renew(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _customer_access_token: String,
    ) -> async_graphql::Result<Option<CustomerAccessTokenRenewPayload>> {
        not_served()
    }
    async fn customer_activate(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _id: async_graphql::ID,
        _input: CustomerActivateInput,
    ) -> async_graphql::Result<Option<CustomerActivatePayload>> {
        not_served()
    }
    async fn customer_activate_by_url(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _activation_url: Url,
        _password: String,
    ) -> async_graphql::Result<Option<CustomerActivateByUrlPayload>> {
        not_served()
    }
    async fn customer_address_create(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _address: MailingAddressInput,
        _customer_access_token: String,
    ) -> async_graphql::Result<Option<CustomerAddressCreatePayload>> {
        not_served()
    }
    async fn customer_address_delete(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _customer_access_token: String,
        _id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CustomerAddressDeletePayload>> {
        not_served()
    }
    async fn customer_address_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _address: MailingAddressInput,
        _customer_access_token: String,
        _id: async_graphql::ID,
    ) -> async_graphql::Result<Option<CustomerAddressUpdatePayload>> {
        not_served()
    }
    async fn customer_create(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _input: CustomerCreateInput,
    ) -> async_graphql::Result<Option<CustomerCreatePayload>> {
        not_served()
    }
    async fn customer_default_address_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _address_id: async_graphql::ID,
        _customer_access_token: String,
    ) -> async_graphql::Result<Option<CustomerDefaultAddressUpdatePayload>> {
        not_served()
    }
    async fn customer_recover(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _email: String,
    ) -> async_graphql::Result<Option<CustomerRecoverPayload>> {
        not_served()
    }
    async fn customer_reset(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _id: async_graphql::ID,
        _input: CustomerResetInput,
    ) -> async_graphql::Result<Option<CustomerResetPayload>> {
        not_served()
    }
    async fn customer_reset_by_url(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _password: String,
        _reset_url: Url,
    ) -> async_graphql::Result<Option<CustomerResetByUrlPayload>> {
        not_served()
    }
    async fn customer_update(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _customer: CustomerUpdateInput,
        _customer_access_token: String,
    ) -> async_graphql::Result<Option<CustomerUpdatePayload>> {
        not_served()
    }
    async fn shop_pay_payment_request_session_create(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _payment_request: ShopPayPaymentRequestInput,
        _source_identifier: String,
    ) -> async_graphql::Result<Option<ShopPayPaymentRequestSessionCreatePayload>> {
        not_served()
    }
    async fn shop_pay_payment_request_session_submit(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _idempotency_key: String,
        _order_name: Option<String>,
        _payment_request: ShopPayPaymentRequestInput,
        _token: String,
    ) -> async_graphql::Result<Option<ShopPayPaymentRequestSessionSubmitPayload>> {
        not_served()
    }
}

#[async_trait]
impl ShopResolver for TestShop {
    async fn brand(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<Brand>> {
        not_served()
    }
    async fn contact_information(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<ShopPolicy>> {
        not_served()
    }
    async fn customer_account_translations(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<Vec<Translation>>> {
        not_served()
    }
    async fn customer_account_url(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<String>> {
        not_served()
    }
    async fn description(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<String>> {
        Ok(None)
    }
    async fn id(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<async_graphql::ID> {
        not_served()
    }
    async fn legal_notice(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<ShopPolicy>> {
        not_served()
    }
    async fn metafield(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _key: String,
        _namespace: Option<String>,
    ) -> async_graphql::Result<Option<Metafield>> {
        not_served()
    }
    async fn metafields(
        &self,
        _ctx: &async_graphql::Context<'_>,
        _identifiers: Vec<HasMetafieldsIdentifier>,
    ) -> async_graphql::Result<Vec<Option<Metafield>>> {
        not_served()
    }
    async fn money_format(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<String> {
        not_served()
    }
    async fn name(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok("Snowdevil".to_owned())
    }
    async fn payment_settings(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<PaymentSettings> {
        not_served()
    }
    async fn primary_domain(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Domain> {
        not_served()
    }
    async fn privacy_policy(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<ShopPolicy>> {
        not_served()
    }
    async fn refund_policy(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<ShopPolicy>> {
        not_served()
    }
    async fn shipping_policy(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<ShopPolicy>> {
        not_served()
    }
    async fn ships_to_countries(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Vec<CountryCode>> {
        not_served()
    }
    async fn shop_pay_installments_pricing(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<ShopPayInstallmentsPricing>> {
        not_served()
    }
    async fn social_login_providers(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Vec<SocialLoginProvider>> {
        not_served()
    }
    async fn subscription_policy(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<ShopPolicyWithDefault>> {
        not_served()
    }
    async fn terms_of_sale(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<ShopPolicy>> {
        not_served()
    }
    async fn terms_of_service(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<ShopPolicy>> {
        not_served()
    }
}

#[async_trait]
impl ApiVersionResolver for TestApiVersion {
    async fn display_name(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<String> {
        not_served()
    }
    async fn handle(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok(self.handle.to_owned())
    }
    async fn supported(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<bool> {
        Ok(self.supported)
    }
}

#[async_trait]
impl MenuResolver for TestMenu {
    async fn handle(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok(self.handle.clone())
    }
    async fn id(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<async_graphql::ID> {
        not_served()
    }
    async fn items(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Vec<MenuItem>> {
        not_served()
    }
    async fn items_count(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<i32> {
        Ok(3)
    }
    async fn title(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok(format!("Menu {}", self.handle))
    }
}

/// Sends `body` as a GraphQL POST over a plain TCP connection and returns the response body.
async fn post_graphql(address: std::net::SocketAddr, body: &str) -> String {
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("the server accepts connections");
    let request = format!(
        "POST /graphql HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .await
        .expect("the request is sent");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .await
        .expect("the response is read");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default()
}

#[tokio::test(flavor = "current_thread")]
async fn a_server_from_the_stubs_answers_a_query_over_http() {
    let schema = served_schema();
    let app =
        axum::Router::new().route_service("/graphql", async_graphql_axum::GraphQL::new(schema));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a local port is free");
    let address = listener
        .local_addr()
        .expect("a bound listener has an address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    let query = r#"{"query": "query Q($handle: String!) { shop { name description } publicApiVersions { handle supported } menu(handle: $handle) { handle title itemsCount } missing: menu(handle: \"missing\") { title } }", "variables": {"handle": "main"}}"#;
    let body = tokio::time::timeout(Duration::from_secs(20), post_graphql(address, query))
        .await
        .expect("the server answers within 20 seconds");
    let _ = stop.send(());
    let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
    let response: serde_json::Value = serde_json::from_str(&body).expect("the body is JSON");
    assert_eq!(
        response,
        serde_json::json!({"data": {
            "shop": {"name": "Snowdevil", "description": null},
            "publicApiVersions": [{"handle": "2026-04", "supported": true}, {"handle": "2024-01", "supported": false}],
            "menu": {"handle": "main", "title": "Menu main", "itemsCount": 3},
            "missing": null,
        }})
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_field_the_resolver_refuses_is_a_graphql_error() {
    let schema = served_schema();
    let response = schema
        .execute("{ cart(id: \"gid://shopify/Cart/1\") { id } }")
        .await;
    let errors: Vec<String> = response
        .errors
        .iter()
        .map(|error| error.message.clone())
        .collect();
    assert_eq!(errors, ["not served by this test"]);
}

/// One line per type: kind, then its fields (with arguments), input fields, values, members
/// and interfaces, each with its type as SDL prints it. Descriptions and defaults are left out.
fn outline(schema: &Schema) -> Vec<String> {
    let mut lines = Vec::new();
    for ty in schema.types.values() {
        if Schema::is_builtin_scalar(&ty.name) {
            continue;
        }
        let mut line = format!("{} {}", ty.kind.as_str(), ty.name);
        let mut interfaces = ty.interfaces.clone();
        interfaces.sort();
        if !interfaces.is_empty() {
            line.push_str(&format!(" implements {}", interfaces.join(" & ")));
        }
        for field in &ty.fields {
            let arguments: Vec<String> = field
                .arguments
                .iter()
                .map(|arg| format!("{}: {}", arg.name, arg.ty))
                .collect();
            line.push_str(&format!(
                " | {}({}): {}",
                field.name,
                arguments.join(", "),
                field.ty
            ));
        }
        for field in &ty.input_fields {
            line.push_str(&format!(" | {}: {}", field.name, field.ty));
        }
        for value in &ty.enum_values {
            line.push_str(&format!(" | {}", value.name));
        }
        let mut members = ty.members.clone();
        members.sort();
        if !members.is_empty() {
            line.push_str(&format!(" = {}", members.join(" | ")));
        }
        lines.push(line);
    }
    lines.sort();
    lines
}

#[test]
fn the_served_sdl_matches_gqlsmiths_model() {
    let served_sdl = served_schema().sdl();
    let served = gqlsmith_sdl::read_sdl(&[(Arc::from("served.graphql"), served_sdl.as_str())]);
    let served_errors: Vec<String> = served
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(served_errors, Vec::<String>::new());
    let fixture = include_str!("../../../fixtures/schemas/shopify-storefront.graphql");
    let expected =
        gqlsmith_sdl::read_sdl(&[(Arc::from("shopify-storefront.graphql"), fixture)]).schema;
    assert_eq!(served.schema.roots, expected.roots);
    let served_outline = outline(&served.schema);
    let expected_outline = outline(&expected);
    let missing: Vec<&String> = expected_outline
        .iter()
        .filter(|line| !served_outline.contains(line))
        .collect();
    let extra: Vec<&String> = served_outline
        .iter()
        .filter(|line| !expected_outline.contains(line))
        .collect();
    // The one difference: async-graphql's dynamic schema does not serve the interfaces an
    // interface implements (`interface BaseCartLine implements Node` loses `implements Node`;
    // the objects still implement both).
    let without_implements: Vec<String> = missing
        .iter()
        .map(|line| {
            line.replace(
                "interface BaseCartLine implements Node",
                "interface BaseCartLine",
            )
        })
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(
        extra.into_iter().cloned().collect::<Vec<_>>(),
        without_implements
    );
    assert_eq!(
        served.schema.types_of_kind(TypeKind::Object).count(),
        expected.types_of_kind(TypeKind::Object).count()
    );
}

/// What `gqlsmith introspect URL` and URL inputs run (the facade's fetch: a probe, then the
/// introspection query with what the probe found), against the server built from the stubs:
/// the schema read back from its answer is the schema it serves, type by type and field by
/// field. The CLI's own tests cover the command around it, against hand-made servers.
#[tokio::test(flavor = "current_thread")]
async fn introspection_over_http_reads_back_the_served_schema() {
    let schema = served_schema();
    let app =
        axum::Router::new().route_service("/graphql", async_graphql_axum::GraphQL::new(schema));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a local port is free");
    let address = listener
        .local_addr()
        .expect("a bound listener has an address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    let url = format!("http://{address}/graphql");
    // The client blocks: off this thread, which runs the server.
    let fetched = tokio::task::spawn_blocking(move || {
        gqlsmith::Input::fetch(&url, &gqlsmith::FetchOptions::default())
    })
    .await
    .expect("the fetch does not panic");
    let _ = stop.send(());
    let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
    let input = fetched.expect("the server answers the introspection query");
    // The optional parts async-graphql 7 has were asked for, and answered.
    for part in ["\"isRepeatable\"", "\"specifiedByURL\"", "\"isOneOf\""] {
        assert!(input.text.contains(part), "{part} in the answer");
    }
    let project = gqlsmith::load(vec![input], &gqlsmith::LoadOptions::default());
    let errors: Vec<String> = project
        .loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    let served_sdl = served_schema().sdl();
    let served = gqlsmith_sdl::read_sdl(&[(Arc::from("served.graphql"), served_sdl.as_str())]);
    assert_eq!(project.loaded.schema.roots, served.schema.roots);
    let fetched_outline = outline(&project.loaded.schema);
    let served_outline = outline(&served.schema);
    let missing: Vec<&String> = served_outline
        .iter()
        .filter(|line| !fetched_outline.contains(line))
        .collect();
    let extra: Vec<&String> = fetched_outline
        .iter()
        .filter(|line| !served_outline.contains(line))
        .collect();
    // What async-graphql 7 leaves out of its introspection answer but prints in its SDL:
    // types no field reaches (only directive arguments, such as `@inContext`'s, or none at
    // all).
    let missing_types: Vec<&str> = missing
        .iter()
        .filter_map(|line| line.split(" | ").next())
        .collect();
    assert_eq!(
        missing_types,
        [
            "input_object BuyerInput",
            "input_object DeliveryAddressInput",
            "input_object VisitorConsent",
            "object InContextAnnotation",
            "object InContextAnnotationType",
        ]
    );
    assert_eq!(extra, Vec::<&String>::new());
    assert_eq!(fetched_outline.len() + 5, served_outline.len());
}
