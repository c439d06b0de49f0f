/** Validates the curated dataset in prisma/seed/ and prints counts or every rejection. */
import path from "node:path";
import { formatRejection, parseCuratedDataset, readCuratedFiles } from "../ingest/sources/curated";

const dir = path.resolve(process.argv[2] ?? "prisma/seed");
const ds = parseCuratedDataset(await readCuratedFiles(dir));
for (const r of ds.rejections) console.error(formatRejection(r));
const prices = ds.models.reduce((n, m) => n + m.prices.length, 0);
const scores = ds.models.reduce((n, m) => n + m.scores.length, 0);
console.log(`labs ${ds.labs.length}, providers ${ds.providers.length}, benchmarks ${ds.benchmarks.length}, models ${ds.models.length}, price points ${prices}, scores ${scores}, rejections ${ds.rejections.length}`);
process.exit(ds.rejections.length ? 1 : 0);
