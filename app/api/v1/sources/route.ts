import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { listSourceStatus } from "../../../../lib/queries/sources";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.sources, async () => ({ data: await listSourceStatus() }));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
