/** The one explicit list of jobs the worker runs. */
import { ingestSourceJob } from "./ingest-source";
import { sendDigestJob } from "./send-digest";
import type { JobDefinition } from "./types";

export const jobs: JobDefinition[] = [ingestSourceJob as unknown as JobDefinition, sendDigestJob as unknown as JobDefinition];
export { ingestSourceJob, sendDigestJob };
