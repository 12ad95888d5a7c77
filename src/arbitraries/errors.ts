/** What a generator says when a schema asks for something it cannot build by construction. */
export class UnsupportedSchemaError extends Error {
  /** Filled in by the public entry point, which knows which schema was asked for. */
  schemaName: string | undefined;

  constructor(readonly keyword: string, readonly at: string, readonly detail: string) {
    super(`keyword "${keyword}" at ${at}: ${detail}`);
  }

  forSchema(name: string): this {
    this.schemaName = name;
    this.message = `cannot generate payloads for "${name}": keyword "${this.keyword}" at ${this.at}: ${this.detail}`;
    return this;
  }
}
