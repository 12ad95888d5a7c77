/**
 * A worker process of the proof (src/harness/prove.ts, runCatalog): loads the catalog module it is
 * told, runs the variants it is sent one at a time, and sends each run's result back. Its own
 * process, so its msw interception of fetch is its own.
 */
import { pathToFileURL } from "node:url";
import { runVariants, type ProveOptions, type ProvingVariant } from "./prove.js";

export interface WorkerRequest {
  catalog: string;
  index: number;
  options: Omit<ProveOptions, "onVariant">;
}

let catalog: { file: string; variants: readonly ProvingVariant[] } | undefined;

process.on("message", (request: WorkerRequest) => {
  void (async () => {
    try {
      if (catalog?.file !== request.catalog) {
        const module = (await import(pathToFileURL(request.catalog).href)) as { FAULTY_VARIANTS: readonly ProvingVariant[] };
        catalog = { file: request.catalog, variants: module.FAULTY_VARIANTS };
      }
      const variant = catalog.variants[request.index];
      if (!variant) throw new Error(`the catalog has no variant #${request.index}`);
      const [result] = await runVariants([variant], request.options);
      process.send!({ index: request.index, result });
    } catch (error) {
      process.send!({ index: request.index, error: (error as Error).stack ?? String(error) });
    }
  })();
});
// The parent closed the channel (done, or gone): nothing more will come.
process.on("disconnect", () => process.exit(0));
