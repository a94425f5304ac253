//! Benchmark: every rule over a hand-built schema of many connections (the real-schema
//! benchmark is added once the SDL reader lands).

use criterion::{criterion_group, criterion_main, Criterion};
use gqlsmith_checks::{check, Config};
use gqlsmith_model::{Date, Field, Provenance, Schema, TypeDef, TypeKind, TypeRef};

fn synthetic_schema(connections: usize) -> Schema {
    let mut schema = Schema::default();
    for index in 0..connections {
        let mut connection = TypeDef::new(
            format!("Thing{index}Connection"),
            TypeKind::Object,
            Provenance::default(),
        );
        connection.fields.push(Field::new(
            "edges",
            TypeRef::parse(&format!("[Thing{index}Edge]")).unwrap_or(TypeRef::named("String")),
            Provenance::default(),
        ));
        connection.fields.push(Field::new(
            "pageInfo",
            TypeRef::parse("PageInfo!").unwrap_or(TypeRef::named("String")),
            Provenance::default(),
        ));
        schema.insert_type(connection);
    }
    schema
}

fn bench(criterion: &mut Criterion) {
    let schema = synthetic_schema(2000);
    let config = Config::default();
    let today = Date::parse("2026-01-01").unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    });
    criterion.bench_function("check synthetic 2000 connections", |bencher| {
        bencher.iter(|| check(&schema, &config, today))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
