/** The payloads witnesses are first looked for in: documented fixtures and invalid cases, by the schema they are for. */
import path from "node:path";
import { loadDocumentedFixtures, loadInvalidCases } from "../fixtures/load.js";
import type { JsonValue } from "../util/json.js";

export interface FixturePayload {
  /** Where it comes from, for the report: "fixtures/documented/create-call.fr.v1.0/ex01.request.json". */
  source: string;
  payload: JsonValue;
}

export class FixturePool {
  private constructor(private readonly bySchema: ReadonlyMap<string, FixturePayload[]>) {}

  static empty(): FixturePool {
    return new FixturePool(new Map());
  }

  /** Fixtures under `root`, shown as paths under `display` (e.g. "fixtures"). */
  static load(root: string, display = path.basename(root)): FixturePool {
    const bySchema = new Map<string, FixturePayload[]>();
    const add = (schema: string, source: string, payload: JsonValue | null) => {
      if (payload !== null) bySchema.set(schema, [...(bySchema.get(schema) ?? []), { source: path.posix.join(display, source.split(path.sep).join("/")), payload }]);
    };
    for (const { file, data } of loadDocumentedFixtures(root)) for (const schema of data.schemas ?? []) add(schema, file, data.payload);
    for (const { file, data } of loadInvalidCases(root)) add(data.schema, file, data.payload);
    return new FixturePool(bySchema);
  }

  forSchema(name: string): readonly FixturePayload[] {
    return this.bySchema.get(name) ?? [];
  }
}
