import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { listBenchmarks } from "../../../../lib/queries/benchmark-list";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.benchmarks, (query) => listBenchmarks(query));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
