/**
 * generated/refine.ts: the one hand-written type the generated types use, the TypeScript of a
 * JSON Schema `$ref` with sibling keywords that refine properties of the referenced type.
 */
export const REFINE_MODULE_FILE = "refine.ts";

export const REFINE_MODULE_BODY = `/**
 * \`B\` refined by \`R\`: \`B & R\`, except that where R refines an array property, the refinement applies to
 * each element of B's array (recursively), keeping B's tuples (minItems). A plain \`B & R\` would
 * intersect two array types, which TypeScript checks one at a time and which loses the literal types
 * of the elements when B's array is a tuple.
 */
export type Refine<B, R> = B & { [K in keyof R]: K extends keyof B ? RefineProperty<B[K], R[K]> : R[K] };

/** An array refinement refines the elements of B's arrays (if B has none, it stands alone); anything else intersects. */
type RefineProperty<BP, RP> = RP extends readonly (infer Item)[]
  ? [Extract<BP, readonly unknown[]>] extends [never]
    ? RP
    : RefineElements<Extract<BP, readonly unknown[]>, Item>
  : RP;

/** Each element of the array or tuple A refined by X; a homomorphic mapped type keeps tuples tuples. */
type RefineElements<A, X> = { [I in keyof A]: Refine<A[I], X> };
`;
