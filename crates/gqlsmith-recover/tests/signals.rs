//! One small page per recovery signal, read by the docs reader and recovered: which block gets
//! which name, how sure, and what kind each referenced-but-undefined name gets.

use std::sync::Arc;

use gqlsmith_model::{
    Certainty, Field, Loaded, NameOrigin, Provenance, TypeDef, TypeKind, TypeRef,
};
use gqlsmith_recover::{recover, RecoverOptions};

/// One block of a page: `name` (`None` when the page lost it), a description line, field rows
/// `name(Type)` and example entries `"key": value`.
fn block(
    name: Option<&str>,
    description: Option<&str>,
    fields: &[&str],
    example: &[&str],
) -> String {
    let mut text = String::new();
    if let Some(name) = name {
        text.push_str(name);
        text.push('\n');
    }
    if let Some(description) = description {
        text.push_str(description);
        text.push('\n');
    }
    text.push_str("Fields\n| Name | Description |\n|---|---|\n");
    for field in fields {
        text.push_str(&format!("{field} | |\n"));
    }
    text.push_str("Example\n{\n");
    text.push_str(&example.join(",\n"));
    text.push_str("\n}");
    text
}

/// A page of blocks, glued as the scraped page glues them (`}Name`), then 40 unrelated named
/// blocks (`Zz00`..): word evidence is weighed by how rare a word is on the page, and a page of
/// three blocks has no rare words.
fn page(blocks: &[String]) -> String {
    let fillers: Vec<String> = (0..40)
        .map(|n| {
            block(
                Some(&format!("Zz{n:02}")),
                Some("Filler."),
                &[&format!("filler{n}(Int)")],
                &[&format!("\"filler{n}\": 1")],
            )
        })
        .collect();
    format!(
        "Objects\nObjects in GraphQL represent the resources you can access.\n{}{}\n",
        blocks.join(""),
        fillers.join("")
    )
}

/// What recovery made of the page: each block in page order (`name <- how`), then each type
/// added for a dangling name (`name: kind [values] [members] by signal`), then diagnostics.
fn outcome(loaded: &Loaded) -> String {
    let mut out = Vec::new();
    for ty in loaded
        .schema
        .types
        .values()
        .filter(|ty| !ty.name.starts_with("Zz"))
    {
        let how = match &ty.name_origin {
            NameOrigin::Document if ty.kind_provenance.is_inferred() => continue,
            NameOrigin::Document => "page".to_owned(),
            NameOrigin::Recovered {
                confidence,
                signals,
            } => format!("{confidence}: {}", signals.join(" ")),
            other => other.as_str().to_owned(),
        };
        out.push(format!("{} <- {how}", ty.name));
    }
    for ty in loaded
        .schema
        .types
        .values()
        .filter(|ty| ty.kind_provenance.is_inferred())
    {
        let Certainty::Inferred {
            rule, confidence, ..
        } = &ty.kind_provenance.certainty
        else {
            continue;
        };
        let values: Vec<&str> = ty
            .enum_values
            .iter()
            .map(|value| value.name.as_str())
            .collect();
        out.push(format!(
            "{}: {} {values:?} {:?} by {rule} {confidence}",
            ty.name,
            ty.kind.as_str(),
            ty.members
        ));
    }
    for diagnostic in &loaded.diagnostics {
        out.push(format!(
            "{}[{}] {}",
            diagnostic.severity, diagnostic.code, diagnostic.message
        ));
    }
    out.join("\n")
}

/// The page of `blocks` read and recovered with `options`: its outcome must be `expect`.
#[track_caller]
fn check_with_options(blocks: &[String], options: &RecoverOptions, expect: &str) {
    let mut loaded = gqlsmith_docs::read(&page(blocks), Arc::from("page.txt"));
    recover(&mut loaded, options);
    assert_eq!(outcome(&loaded), expect.trim());
}

#[track_caller]
fn check(blocks: &[String], expect: &str) {
    check_with_options(blocks, &RecoverOptions::default(), expect);
}

/// [`check`] with a reference schema (SDL).
#[track_caller]
fn check_with_reference(blocks: &[String], reference: &str, expect: &str) {
    let reference = gqlsmith_sdl::read_sdl(&[(Arc::from("reference.graphql"), reference)]).schema;
    let options = RecoverOptions {
        overlay: None,
        reference: Some(reference),
    };
    check_with_options(blocks, &options, expect);
}

#[test]
fn a_connection_is_named_after_its_edges() {
    check(
        &[
            block(
                None,
                None,
                &["edgeCount(Int!)", "edges([BrownoutEdge]!)"],
                &[r#""edgeCount": 1"#],
            ),
            block(
                Some("BrownoutEdge"),
                Some("A Relay edge containing a Brownout and its cursor."),
                &["cursor(String!)", "node(Brownout)"],
                &[r#""cursor": "abc123""#],
            ),
        ],
        r#"
BrownoutConnection <- high: relay-connection page-order
BrownoutEdge <- page
Brownout: object [] [] by left-out-of-example medium
Int: scalar [] [] by builtin-scalar high
String: scalar [] [] by builtin-scalar high
"#,
    );
}

#[test]
fn a_relay_name_out_of_page_order_is_refused() {
    check(
        &[
            block(
                Some("Zebra"),
                Some("Last."),
                &["id(ID!)"],
                &[r#""id": "abc123""#],
            ),
            block(None, None, &["edges([BrownoutEdge]!)"], &[]),
        ],
        r#"
Zebra <- page
Unnamed_L12 <- placeholder
BrownoutEdge: object [] [] by left-out-of-example medium
ID: scalar [] [] by builtin-scalar high
Int: scalar [] [] by builtin-scalar high
warning[R403] `Unnamed_L12` would be `BrownoutConnection` by the Relay rule, but the page order puts it elsewhere
"#,
    );
}

#[test]
fn one_block_and_one_candidate_in_a_gap_is_forced() {
    // `Note` is referenced and undefined, sorts between `Account` and `Zone`, and the block
    // mentions notes: forced by count, backed by words, so high.
    check(
        &[
            block(
                Some("Account"),
                Some("An account."),
                &["notes([Note])"],
                &[],
            ),
            block(
                None,
                None,
                &["body(String!)", "pinnedNote(Boolean)"],
                &[r#""body": "abc123""#, r#""pinnedNote": true"#],
            ),
            block(
                Some("Zone"),
                Some("A zone."),
                &["id(ID!)"],
                &[r#""id": "abc123""#],
            ),
        ],
        r#"
Account <- page
Note <- high: page-order dangling-reference forced-by-count field-words
Zone <- page
Boolean: scalar [] [] by builtin-scalar high
ID: scalar [] [] by builtin-scalar high
Int: scalar [] [] by builtin-scalar high
String: scalar [] [] by builtin-scalar high
"#,
    );
}

#[test]
fn a_forced_name_without_supporting_words_is_only_medium() {
    check(
        &[
            block(
                Some("Account"),
                Some("An account."),
                &["notes([Note])"],
                &[],
            ),
            block(None, None, &["body(String!)"], &[r#""body": "abc123""#]),
        ],
        r#"
Account <- page
Note <- medium: page-order dangling-reference forced-by-count
Int: scalar [] [] by builtin-scalar high
String: scalar [] [] by builtin-scalar high
"#,
    );
}

#[test]
fn words_choose_between_blocks_and_silence_abstains() {
    // Two blocks, one candidate: the block whose fields say "refund" and "request" takes
    // `RefundRequestType`; two shared words against one spare block are low confidence.
    check(
        &[
            block(
                Some("Account"),
                Some("An account."),
                &["refund(RefundRequestType)"],
                &[],
            ),
            block(None, None, &["colour(String)"], &[r#""colour": "abc123""#]),
            block(
                None,
                None,
                &["refundAmount(Int)", "requestReason(String)"],
                &[r#""refundAmount": 1"#],
            ),
        ],
        r#"
Account <- page
Unnamed_L12 <- placeholder
RefundRequestType <- low: page-order dangling-reference field-words
Int: scalar [] [] by builtin-scalar high
String: scalar [] [] by builtin-scalar high
"#,
    );
    check(
        &[
            block(
                Some("Account"),
                Some("An account."),
                &["refund(RefundType)"],
                &[],
            ),
            block(None, None, &["colour(String)"], &[r#""colour": "abc123""#]),
            block(None, None, &["size(Int)"], &[r#""size": 1"#]),
        ],
        r#"
Account <- page
Unnamed_L12 <- placeholder
Unnamed_L19 <- placeholder
Int: scalar [] [] by builtin-scalar high
RefundType: object [] [] by left-out-of-example medium
String: scalar [] [] by builtin-scalar high
note[R401] `Unnamed_L12` keeps its placeholder: the page does not single out which block is `RefundType`
note[R401] `Unnamed_L19` keeps its placeholder: the page does not single out which block is `RefundType`
"#,
    );
}

#[test]
fn a_block_with_possible_errors_is_named_only_after_its_nested_types() {
    // `possibleErrors` marks mutation payloads, but some query types have it too (Kraken's
    // `WaterMeterType`). The block whose `status` is a `WaterMeterStatus` is the water meter,
    // although it has `possibleErrors` and another block in the gap could take the name.
    check(
        &[
            block(
                Some("Property"),
                Some("A property."),
                &["meters([WaterMeterType])"],
                &[],
            ),
            block(
                None,
                None,
                &["deviceId(String)", "readingFrequency(String)"],
                &[r#""deviceId": "abc123""#],
            ),
            block(
                None,
                None,
                &[
                    "possibleErrors([PossibleErrorType])",
                    "serialNumber(String)",
                    "status(WaterMeterStatus)",
                ],
                &[r#""status": "ACTIVE""#],
            ),
        ],
        r#"
Property <- page
Unnamed_L12 <- placeholder
WaterMeterType <- medium: page-order dangling-reference field-words owner-stem
Int: scalar [] [] by builtin-scalar high
PossibleErrorType: object [] [] by left-out-of-example medium
String: scalar [] [] by builtin-scalar high
WaterMeterStatus: enum ["ACTIVE"] [] by enum-sample high
"#,
    );
}

#[test]
fn a_name_narrows_its_gap_and_the_rest_can_be_forced() {
    // `Apple` and `Mango` sort into one gap of three blocks. The second block is the mango
    // (its `ripeness` is a `MangoRipeness`); `Apple` sorts before `Mango`, so once the mango
    // is named only the first block is left for it: forced in the narrowed gap.
    check(
        &[
            block(
                Some("Abacus"),
                Some("A fruit counter."),
                &["apples([Apple])", "mangoes([Mango])"],
                &[],
            ),
            block(None, None, &["colour(String)"], &[r#""colour": "abc123""#]),
            block(
                None,
                None,
                &["mangoVariety(String)", "ripeness(MangoRipeness)"],
                &[r#""ripeness": "RIPE""#],
            ),
            block(None, None, &["size(Int)"], &[r#""size": 1"#]),
        ],
        r#"
Abacus <- page
Apple <- medium: page-order dangling-reference narrowed-gap forced-by-count
Mango <- medium: page-order dangling-reference field-words owner-stem
Unnamed_L28 <- placeholder
Int: scalar [] [] by builtin-scalar high
MangoRipeness: enum ["RIPE"] [] by enum-sample high
String: scalar [] [] by builtin-scalar high
"#,
    );
}

#[test]
fn holding_a_connection_of_the_candidate_is_no_evidence_of_being_it() {
    // The first block lists payment requests; its words say "payment request" because it
    // holds them, so it is no likelier than the other block to be `PaymentRequestType`.
    check(
        &[
            block(
                Some("Account"),
                Some("An account."),
                &["request(PaymentRequestType)"],
                &[],
            ),
            block(
                None,
                None,
                &["paymentRequests(PaymentRequestConnectionTypeConnection)"],
                &[],
            ),
            block(None, None, &["colour(String)"], &[r#""colour": "abc123""#]),
        ],
        r#"
Account <- page
Unnamed_L12 <- placeholder
Unnamed_L19 <- placeholder
Int: scalar [] [] by builtin-scalar high
PaymentRequestConnectionTypeConnection: object [] [] by left-out-of-example medium
PaymentRequestType: object [] [] by left-out-of-example medium
String: scalar [] [] by builtin-scalar high
note[R401] `Unnamed_L12` keeps its placeholder: the page does not single out which block is `PaymentRequestType`
note[R401] `Unnamed_L19` keeps its placeholder: the page does not single out which block is `PaymentRequestType`
"#,
    );
    // The same when the page defines the connection under another name: `RegistersConnection`
    // holds `DeviceRegister`s (its edges' `node`), so only the second block's words count.
    check(
        &[
            block(
                Some("Account"),
                Some("An account."),
                &["register(DeviceRegister)"],
                &[],
            ),
            block(
                None,
                None,
                &["registers(RegistersConnection)", "deviceName(String)"],
                &[],
            ),
            block(
                None,
                None,
                &["registerIdentifier(String)", "deviceSerial(String)"],
                &[],
            ),
            block(
                Some("RegistersConnection"),
                Some("Registers."),
                &["edges([RegistersEdge]!)"],
                &[],
            ),
            block(
                Some("RegistersEdge"),
                Some("A Relay edge containing a DeviceRegister and its cursor."),
                &["cursor(String!)", "node(DeviceRegister)"],
                &[],
            ),
        ],
        r#"
Account <- page
Unnamed_L12 <- placeholder
DeviceRegister <- low: page-order dangling-reference field-words
RegistersConnection <- page
RegistersEdge <- page
Int: scalar [] [] by builtin-scalar high
String: scalar [] [] by builtin-scalar high
"#,
    );
}

#[test]
fn a_block_that_can_take_no_candidate_asks_for_no_extra_evidence() {
    // As in the test above, one block says "refund" and "request"; the other block here is a
    // payload (`possibleErrors`, no nested type named after a candidate), which could not take
    // the name by chance, so the gap asks no margin for it: medium, not low. (Not forced:
    // `PossibleErrorType` sorts into the gap too, and the refund block could take it.)
    check(
        &[
            block(
                Some("Account"),
                Some("An account."),
                &["refund(RefundRequestType)"],
                &[],
            ),
            block(
                None,
                None,
                &["possibleErrors([PossibleErrorType])", "colour(String)"],
                &[r#""colour": "abc123""#],
            ),
            block(
                None,
                None,
                &["refundAmount(Int)", "requestReason(String)"],
                &[r#""refundAmount": 1"#],
            ),
        ],
        r#"
Account <- page
Unnamed_L12 <- placeholder
RefundRequestType <- medium: page-order dangling-reference field-words
Int: scalar [] [] by builtin-scalar high
PossibleErrorType: object [] [] by left-out-of-example medium
String: scalar [] [] by builtin-scalar high
"#,
    );
}

#[test]
fn mutation_payloads_never_take_a_referenced_name() {
    check(
        &[
            block(
                Some("Account"),
                Some("An account."),
                &["refund(RefundType)"],
                &[],
            ),
            block(
                None,
                None,
                &["possibleErrors([PossibleErrorType])", "refund(Boolean)"],
                &[r#""refund": true"#],
            ),
        ],
        r#"
Account <- page
Unnamed_L12 <- placeholder
Boolean: scalar [] [] by builtin-scalar high
Int: scalar [] [] by builtin-scalar high
PossibleErrorType: object [] [] by left-out-of-example medium
RefundType: object [] [] by left-out-of-example medium
"#,
    );
}

#[test]
fn kinds_come_from_example_placeholders() {
    check(
        &[block(
            Some("Reading"),
            Some("A meter reading."),
            &[
                "at(DateTime!)",
                "unit(ConsumptionUnit)",
                "data(JSONString)",
                "meter(MeterInterface)",
                "source(ReadingSource)",
                "tag(TagLabel)",
            ],
            &[
                r#""at": "2020-01-01T00:00:00.000Z""#,
                r#""unit": "kWh""#,
                r#""data": {"key": "value"}"#,
                r#""meter": ElectricityMeter"#,
                r#""source": SmartReading"#,
                r#""tag": TagLabel"#,
            ],
        )],
        r#"
Reading <- page
ConsumptionUnit: enum ["kWh"] [] by enum-sample high
DateTime: scalar [] [] by scalar-placeholder high
ElectricityMeter: object [] [] by example-member high
Int: scalar [] [] by builtin-scalar high
JSONString: scalar [] [] by scalar-placeholder high
MeterInterface: interface [] ["ElectricityMeter"] by abstract-example high
ReadingSource: union [] ["SmartReading"] by abstract-example low
SmartReading: object [] [] by example-member high
TagLabel: object [] [] by object-own-name medium
"#,
    );
}

#[test]
fn an_edge_described_by_relay_is_named_from_its_description() {
    // The reader never leaves a described block unnamed; the harness does (it hides the
    // names of described blocks), so this case is built by hand.
    let read = Provenance::read_unknown_location;
    let mut loaded = Loaded::default();
    let mut edge = TypeDef::new("Unnamed_L1", TypeKind::Object, read());
    edge.name_origin = NameOrigin::Placeholder;
    edge.description = Some("A Relay edge containing a Brownout and its cursor.".into());
    edge.fields.push(Field::new(
        "cursor",
        TypeRef::parse("String!").unwrap(),
        read(),
    ));
    edge.fields.push(Field::new(
        "node",
        TypeRef::parse("Brownout").unwrap(),
        read(),
    ));
    loaded.schema.insert_type(edge);
    let report = recover(&mut loaded, &RecoverOptions::default());
    assert_eq!(report.recovered[0].name, "BrownoutEdge");
    assert_eq!(
        report.recovered[0].signals,
        ["relay-edge-description", "page-order"]
    );
}

/// Found by the `recover` fuzz target (`fuzz/regressions/recover/two-blocks-one-name.txt`): on
/// a page out of ASCII order (`p` before `D`), the dangling `S` fits the gap before `p` and the
/// gap after `D`, and each gap's count forced it onto its one block. One name for two blocks
/// singles out neither: both keep their placeholders, and no block is lost.
#[test]
fn a_name_that_fits_two_gaps_names_neither_block() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fuzz/regressions/recover/two-blocks-one-name.txt"
    ))
    .unwrap();
    let mut loaded = gqlsmith_docs::read(&text, Arc::from("page.txt"));
    let blocks_read = loaded.schema.types.len();
    let report = recover(&mut loaded, &RecoverOptions::default());
    assert_eq!(report.named, 0, "{}", report.render());
    let placeholders: Vec<&str> = loaded
        .schema
        .types
        .values()
        .filter(|ty| ty.name_origin == NameOrigin::Placeholder)
        .map(|ty| ty.name.as_str())
        .collect();
    assert_eq!(placeholders, ["Unnamed_L1", "Unnamed_L4"]);
    // The blocks read, plus `S` as a referenced-but-undefined type of its own.
    assert_eq!(loaded.schema.types.len(), blocks_read + 1);
}

/// The block the kind-guard tests try to name: its field words favour `CardItemType`.
fn card_block() -> String {
    block(
        None,
        None,
        &["cardTitle(String)", "cardItemImage(String)"],
        &[r#""cardTitle": "abc123""#, r#""cardItemImage": "abc123""#],
    )
}

#[test]
fn a_union_by_its_member_list_never_names_an_object_block() {
    // `card`'s example shows `CarouselItemType` under `CardItemType`: a union (or interface).
    // That `item`'s example shows `CardItemType` as a concrete type is the strongest single
    // vote (object), but the member list fixes the kind: the card words do not make it the
    // block's name, and the block is the one other candidate of its gap.
    check(
        &[
            block(
                Some("Account"),
                Some("An account."),
                &["card(CardItemType)", "item(ItemInterface)"],
                &[r#""card": CarouselItemType"#, r#""item": CardItemType"#],
            ),
            card_block(),
        ],
        r#"
Account <- page
CarouselItemType <- high: page-order dangling-reference forced-by-count field-words
CardItemType: object [] [] by example-member high
Int: scalar [] [] by builtin-scalar high
ItemInterface: interface [] ["CardItemType"] by abstract-example high
String: scalar [] [] by builtin-scalar high
warning[R404] `CardItemType` looks like a object but not everywhere
"#,
    );
}

#[test]
fn an_enum_or_scalar_by_its_example_never_names_an_object_block() {
    for (field, sample) in [
        ("status(CardItemType)", r#""status": "ACTIVE""#),
        ("issuedOn(CardItemType)", r#""issuedOn": "2020-01-01""#),
    ] {
        check(
            &[
                block(
                    Some("Account"),
                    Some("An account."),
                    &[field, "item(ItemInterface)"],
                    &[sample, r#""item": CardItemType"#],
                ),
                card_block(),
            ],
            r#"
Account <- page
Unnamed_L14 <- placeholder
CardItemType: object [] [] by example-member high
Int: scalar [] [] by builtin-scalar high
ItemInterface: interface [] ["CardItemType"] by abstract-example high
String: scalar [] [] by builtin-scalar high
warning[R404] `CardItemType` looks like a object but not everywhere
"#,
        );
    }
}

#[test]
fn a_union_by_the_reference_never_names_an_object_block() {
    // The page leaves `card` out of its example, as it does for objects, and the card words
    // favour `CardItemType` for the block; the reference says it is a union (whose member's
    // fields are not the block's).
    check_with_reference(
        &[
            block(
                Some("Account"),
                Some("An account."),
                &["card(CardItemType)"],
                &[],
            ),
            card_block(),
        ],
        "union CardItemType = CarouselItemType
         type CarouselItemType { slides: [String] }",
        r#"
Account <- page
Unnamed_L12 <- placeholder
CardItemType: union [] ["CarouselItemType"] by reference high
Int: scalar [] [] by builtin-scalar high
String: scalar [] [] by builtin-scalar high
warning[R406] the page suggests `CardItemType` is object, the reference schema says union
"#,
    );
}

#[test]
fn an_interface_of_the_reference_never_names_an_object_block() {
    // The interface has exactly the block's fields, but an objects page documents objects.
    check_with_reference(
        &[
            block(Some("Account"), Some("An account."), &["id(ID!)"], &[]),
            card_block(),
        ],
        "interface CardItemType { cardTitle: String cardItemImage: String }",
        r#"
Account <- page
Unnamed_L12 <- placeholder
ID: scalar [] [] by builtin-scalar high
Int: scalar [] [] by builtin-scalar high
String: scalar [] [] by builtin-scalar high
"#,
    );
}
