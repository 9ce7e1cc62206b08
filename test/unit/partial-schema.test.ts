// The deep-partial, strict schema check behind example evidence: any key may be left out, none
// may be unknown, and every value given must have the schema's type.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { partialProblems } from "../../src/rules/partial-schema.js";

const inner = z.object({ code: z.string().min(1), count: z.number().int() });
const schema = z.object({
  name: z.string(),
  kind: z.enum(["a", "b"]),
  format: z.literal("v1"),
  error: inner.nullable(),
  extra: inner.optional(),
  list: z.array(inner),
  byName: z.record(z.string(), inner.nullable()),
  either: z.union([z.string(), z.number()]),
  side: z.discriminatedUnion("direction", [
    z.object({ direction: z.literal("in"), skip: z.boolean() }),
    z.object({ direction: z.literal("out"), hosts: z.array(z.string()) }),
  ]),
  defaulted: z.boolean().default(false),
  version: z.union([z.string(), z.number()]).pipe(z.transform(String)),
  tree: z.lazy(() => z.object({ leaf: z.boolean() })),
  open: z.object({ known: z.string() }).catchall(z.number()),
});

describe("partialProblems", () => {
  const ok: { name: string; value: unknown }[] = [
    { name: "an empty object (everything left out)", value: {} },
    { name: "a part of a nested object", value: { error: { code: "X" } } },
    { name: "null where the schema is nullable", value: { error: null, byName: { "mx.example": null } } },
    { name: "every kind of value in its place", value: { name: "n", kind: "b", format: "v1", list: [{ count: 2 }], either: 3, defaulted: true, version: 1, tree: { leaf: true }, open: { known: "k", other: 1 } } },
    { name: "a union member without its discriminator", value: { side: { hosts: ["h"] } } },
    { name: "a union member named by its discriminator", value: { side: { direction: "in", skip: true } } },
  ];
  for (const c of ok) it(`accepts ${c.name}`, () => assert.deepEqual(partialProblems(schema, c.value), []));

  const bad: { name: string; value: unknown; path: (string | number)[]; reason: RegExp }[] = [
    { name: "an unknown key", value: { nmae: "n" }, path: ["nmae"], reason: /no such key here \(it has: name, kind/ },
    { name: "an unknown key deep down", value: { list: [{ code: "x" }, { cde: "y" }] }, path: ["list", 1, "cde"], reason: /no such key/ },
    { name: "a number where a string belongs", value: { name: 404 }, path: ["name"], reason: /expected string/ },
    { name: "a string where a number belongs", value: { error: { count: "2" } }, path: ["error", "count"], reason: /expected number/ },
    { name: "a number that breaks a check", value: { error: { count: 1.5 } }, path: ["error", "count"], reason: /int/i },
    { name: "a value outside an enum", value: { kind: "c" }, path: ["kind"], reason: /expected one of "a"\|"b"/ },
    { name: "another literal", value: { format: "v2" }, path: ["format"], reason: /v1/ },
    { name: "null where the schema is not nullable", value: { name: null }, path: ["name"], reason: /expected string/ },
    { name: "an object where an array belongs", value: { list: { code: "x" } }, path: ["list"], reason: /expected an array, got an object/ },
    { name: "a scalar where an object belongs", value: { tree: true }, path: ["tree"], reason: /expected an object, got boolean true/ },
    { name: "a wrong value in a record", value: { byName: { "mx.example": { count: "x" } } }, path: ["byName", "mx.example", "count"], reason: /expected number/ },
    { name: "a value no union member takes", value: { either: true }, path: ["either"], reason: /expected/ },
    { name: "a key of the other union member", value: { side: { direction: "in", hosts: [] } }, path: ["side", "hosts"], reason: /no such key/ },
    { name: "an unknown discriminator", value: { side: { direction: "up" } }, path: ["side", "direction"], reason: /names none of the kinds/ },
    { name: "a wrong type behind a default", value: { defaulted: "yes" }, path: ["defaulted"], reason: /expected boolean/ },
    { name: "a wrong type into a pipe", value: { version: [] }, path: ["version"], reason: /expected/ },
    { name: "a wrong type behind lazy", value: { tree: { leaf: 1 } }, path: ["tree", "leaf"], reason: /expected boolean/ },
    { name: "a wrong type in a catchall", value: { open: { other: "x" } }, path: ["open", "other"], reason: /expected number/ },
  ];
  for (const c of bad) {
    it(`reports ${c.name}, with its path`, () => {
      const problems = partialProblems(schema, c.value);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.deepEqual(problems[0]!.path, c.path);
      assert.match(problems[0]!.reason, c.reason);
    });
  }
});
