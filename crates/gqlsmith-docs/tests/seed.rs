//! The bundled Kraken "Objects" page (the seed): the totals the issue measured, every line
//! accounted for, type strings as the page writes them, focused snapshots of the model, and a
//! snapshot of the diagnostics.

mod support;

use std::sync::Arc;

use gqlsmith_docs::{LineKind, PageStats};

const SEED: &str = include_str!("../../../fixtures/kraken/objects.txt");

fn read_seed() -> (gqlsmith_model::Loaded, Vec<LineKind>) {
    gqlsmith_docs::read_with_trace(SEED, Arc::from("fixtures/kraken/objects.txt"))
}

#[test]
fn seed_totals_match_the_issue() {
    let (loaded, _) = read_seed();
    let expect = PageStats {
        blocks: 912,
        named_blocks: 604,
        unnamed_blocks: 308,
        field_rows: 3_612,
        deprecated_fields: 322,
        fields_with_arguments: 44,
        argument_lines: 112,
        error_lists: 249,
        error_entries: 1_678,
        distinct_error_codes: 551,
        examples: 910,
        example_entries: 3_451,
    };
    assert_eq!(gqlsmith_docs::stats(&loaded), expect);
    // Odd but readable: warnings and notes only.
    assert!(
        !loaded.has_errors(),
        "{}",
        support::render_diagnostics(&loaded)
    );
}

#[test]
fn every_seed_line_is_accounted_for() {
    let (loaded, trace) = read_seed();
    support::assert_every_line_accounted(SEED, &loaded, &trace);
    assert_eq!(
        trace.len(),
        14_775,
        "the page has 14,774 line breaks and no trailing newline"
    );
    assert!(!SEED.ends_with('\n'));
    // The last line is the `}` of the last example, with nothing glued to it.
    assert_eq!(trace.last(), Some(&LineKind::ExampleClose));
    let unreadable = trace
        .iter()
        .filter(|kind| matches!(kind, LineKind::Unreadable | LineKind::Skipped { .. }))
        .count();
    assert_eq!(unreadable, 0);
    // The one stray line: "API Site", between the page introduction and the first block.
    let stray: Vec<_> = trace
        .iter()
        .enumerate()
        .filter(|(_, kind)| **kind == LineKind::StrayLine)
        .map(|(index, _)| index + 1)
        .collect();
    assert_eq!(stray, [3]);
    assert_eq!(
        trace[..4],
        [
            LineKind::PageHeader,
            LineKind::PageHeader,
            LineKind::StrayLine,
            LineKind::UnnamedBlockStart
        ]
    );
}

/// Every field's type is exactly the text between the parentheses of its row.
#[test]
fn seed_field_types_are_written_as_on_the_page() {
    let (loaded, trace) = read_seed();
    let lines: Vec<&str> = SEED.lines().collect();
    let mut fields = loaded.schema.types.values().flat_map(|ty| &ty.fields);
    for (index, kind) in trace.iter().enumerate() {
        if *kind != LineKind::FieldRow {
            continue;
        }
        let line = lines[index];
        let field = fields.next().expect("a field per row");
        let open = line.find('(').unwrap();
        let close = line.find(')').unwrap();
        assert_eq!(field.name, &line[..open], "line {}", index + 1);
        assert_eq!(
            field.ty.to_string(),
            &line[open + 1..close],
            "line {}",
            index + 1
        );
        assert_eq!(
            field.provenance.location.as_ref().unwrap().line as usize,
            index + 1
        );
    }
    assert!(fields.next().is_none());
}

/// Error codes keep page order (their lines increase within a type) and their 0-based order.
#[test]
fn seed_error_codes_keep_page_order() {
    let (loaded, _) = read_seed();
    for ty in loaded.schema.types.values() {
        for (index, pair) in ty.error_codes.windows(2).enumerate() {
            let lines =
                [&pair[0], &pair[1]].map(|code| code.provenance.location.as_ref().unwrap().line);
            assert_eq!(lines[1], lines[0] + 1, "{}", ty.name);
            assert_eq!(
                (pair[0].order, pair[1].order),
                (index as u32, index as u32 + 1)
            );
        }
    }
    let first = &loaded.schema.types["AcceptGoodsQuote"].error_codes;
    let codes: Vec<_> = first
        .iter()
        .map(|code| (code.code.as_str(), code.message.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("KT-CT-8223", "Unauthorized."),
            ("KT-CT-8201", "Received an invalid quoteId."),
            ("KT-CT-8224", "Invalid data."),
            ("KT-CT-1113", "Disabled GraphQL field requested."),
            ("KT-CT-1111", "Unauthorized."),
            ("KT-CT-1112", "'Authorization' header not provided."),
        ]
    );
}

#[test]
fn seed_replacements_named_by_deprecated_fields() {
    let (loaded, _) = read_seed();
    let mut replaced: Vec<String> = Vec::new();
    for ty in loaded.schema.types.values() {
        for field in &ty.fields {
            if let Some(replacement) = field
                .deprecation
                .as_ref()
                .and_then(|deprecation| deprecation.replacement.as_ref())
            {
                replaced.push(format!("{}.{} -> {replacement}", ty.name, field.name));
            }
        }
    }
    // "We recommend you use preferredName or fullName instead" names two fields: no
    // replacement is recorded for `firstName` and `lastName` (a D104 note says why).
    assert_eq!(
        replaced,
        [
            "AccountUserType.displayName -> fullName",
            "AccountUserType.portfolioId -> portfolioIds",
            "Unnamed_L3041.temporaryUrl -> attachments",
            "Unnamed_L7581.temporaryUrl -> attachments",
            "Unnamed_L10065.temporaryUrl -> attachments",
            "Unnamed_L10309.temporaryUrl -> attachments",
            "Unnamed_L12753.temporaryUrl -> attachments",
        ]
    );
}

/// The summary of the seed's types named in `names`, in page order.
fn summary_of(names: &[&str]) -> String {
    let (loaded, _) = read_seed();
    support::render_summary(&loaded, |ty| names.contains(&ty.name.as_str()))
}

// The model is pinned by focused snapshots of one concept each (a whole-page summary was
// 4,500 lines no one could review); `seed_totals_match_the_issue` counts the rest.

#[test]
fn seed_first_blocks_named_and_placeholder() {
    insta::assert_snapshot!(
        summary_of(&["Unnamed_L4", "APIBrownoutConnection", "APIBrownoutEdge", "Unnamed_L44"]),
        @r#"
Unnamed_L4 (placeholder) @4:1 example=5
  apiType: APIType
  disablesRequestsTo: NonEmptyString
  endsAt: NonEmptyString
  startsAt: NonEmptyString
  status: APIBrownoutStatus
APIBrownoutConnection @19:2 example=4
  edgeCount: Int!
  edges: [APIBrownoutEdge]!
  pageInfo: PageInfo!
  totalCount: Int!
APIBrownoutEdge @34:2 example=1
  cursor: String!
  node: APIBrownout
Unnamed_L44 (placeholder) @44:1 example=7
  context: JSONString
  correlationId: String!
  createdAt: DateTime!
  id: ID!
  inputData: JSONString
  operationName: String!
  response: JSONString
"#
    );
}

#[test]
fn seed_error_codes_and_deprecated_field() {
    insta::assert_snapshot!(summary_of(&["AcceptGoodsQuote"]), @r#"
AcceptGoodsQuote @156:2 errors=[KT-CT-8223 KT-CT-8201 KT-CT-8224 KT-CT-1113 KT-CT-1111 KT-CT-1112] example=2
  goodsPurchase: GoodsPurchase
  possibleErrors: [PossibleErrorType] deprecated
"#);
}

#[test]
fn seed_block_without_an_example() {
    insta::assert_snapshot!(summary_of(&["Unnamed_L7890"]), @r#"
Unnamed_L7890 (placeholder) @7890:1 no-example
  edgeCount: Int!
  edges: [LeadsEdge]!
  pageInfo: PageInfo!
  totalCount: Int!
"#);
}

#[test]
fn seed_last_blocks() {
    insta::assert_snapshot!(summary_of(&["WithdrawDunning", "Unnamed_L14760"]), @r#"
WithdrawDunning @14741:2 errors=[KT-CT-4178 KT-CT-11301 KT-CT-11302 KT-CT-11303 KT-CT-11306 KT-CT-1113 KT-CT-1111 KT-CT-1112] example=2
  possibleErrors: [PossibleErrorType] deprecated
  withdrawSuccessful: Boolean
Unnamed_L14760 (placeholder) @14760:1 example=5
  identifier: String!
  isOpen: Boolean!
  isPublicHoliday: Boolean!
  name: String!
  openOrClosedReason: WorkScheduleOpenOrClosedReason!
"#);
}

/// Every field whose `Arguments` section the page gives (without names), with how many.
#[test]
fn seed_fields_with_unnamed_arguments() {
    let (loaded, _) = read_seed();
    let fields: Vec<String> = loaded
        .schema
        .types
        .values()
        .flat_map(|ty| {
            ty.fields
                .iter()
                .filter(|field| !field.unnamed_arguments.is_empty())
                .map(move |field| {
                    format!(
                        "{}.{}: {} arguments={}",
                        ty.name,
                        field.name,
                        field.ty,
                        field.unnamed_arguments.len()
                    )
                })
        })
        .collect();
    insta::assert_snapshot!(fields.join("\n"), @r#"
AccountType.applications: AccountApplicationConnectionTypeConnection arguments=1
AccountType.balance: Int! arguments=1
AccountType.bill: BillInterface arguments=3
AccountType.bills: BillConnectionTypeConnection arguments=11
AccountType.directDebitInstructions: DirectDebitInstructionConnectionTypeConnection arguments=1
AccountType.events: AccountEventConnectionTypeConnection arguments=1
AccountType.maximumRefund: MaximumRefundType arguments=1
AccountType.paginatedPaymentForecast: PaymentForecastConnectionTypeConnection arguments=3
AccountType.paymentForecast: [PaymentForecastType] arguments=3
AccountType.paymentMethods: PaymentInstructionConnectionTypeConnection arguments=1
AccountType.paymentSchedules: PaymentScheduleConnectionTypeConnection arguments=4
AccountType.payments: AccountPaymentConnectionTypeConnection arguments=4
AccountType.properties: [PropertyType] arguments=1
AccountType.referrals: ReferralConnectionTypeConnection arguments=1
AccountType.repayments: AccountRepaymentConnectionTypeConnection arguments=1
AccountType.requestRefundEligibility: RequestRefundEligibilityType arguments=1
AccountType.transactions: TransactionConnectionTypeConnection arguments=8
AccountUserType.accountUserRoles: [AccountUserRoleType] arguments=1
AccountUserType.accounts: [AccountInterface] arguments=5
AccountUserType.portfolioIds: [ID] arguments=2
AccountUserType.portfolios: PortfolioConnectionTypeConnection arguments=2
BlackholeEmailAccountType.accountUserNames: [AccountUserNameType] arguments=1
BlackholeEmailAccountUserType.accounts: [BlackholeEmailAccountType] arguments=1
Unnamed_L3091.characteristicValues: [CharacteristicValueInterface] arguments=1
Unnamed_L5438.readings: Readings arguments=6
Unnamed_L5455.readings: Readings arguments=6
InvoiceBillingDocumentType.transactions: BillTransactionConnectionTypeConnection arguments=1
Unnamed_L7581.transactions: BillTransactionConnectionTypeConnection arguments=3
Unnamed_L7779.contacts: [LeadContactDetailsType] arguments=1
Unnamed_L7779.opportunities: [OpportunityOutput] arguments=1
LedgerType.invoices: InvoiceBillingDocumentConnectionTypeConnection arguments=3
LedgerType.paymentPreferenceAtTime: PaymentPreferenceUnion arguments=1
LedgerType.transactions: TransactionConnectionTypeConnection arguments=4
Unnamed_L9370.supplyPoints: [LeadSupplyPointType] arguments=1
Unnamed_L10065.closingBalance: Int! arguments=1
Unnamed_L10065.openingBalance: Int arguments=1
Unnamed_L10065.transactions: BillTransactionConnectionTypeConnection arguments=3
Unnamed_L10670.asString: String arguments=3
PropertyType.measurements: MeasurementConnection arguments=6
PropertyType.parent: PropertyInterface arguments=1
Unnamed_L10991.termsAndConditionsS3Urls: [TermsAndConditionsS3UrlType] arguments=1
RichAddressType.asString: String arguments=3
StatementBillingDocumentType.transactions: BillTransactionConnectionTypeConnection arguments=1
SupplyPointType.readings: Readings arguments=6
"#);
}

#[test]
fn seed_diagnostics() {
    let (loaded, _) = read_seed();
    insta::assert_snapshot!("seed_diagnostics", support::render_diagnostics(&loaded));
}
