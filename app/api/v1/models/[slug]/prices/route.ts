import { getEndpoint } from "../../../../../../lib/api";
import { ENDPOINTS } from "../../../../../../lib/api-catalogue";
import { listModelPrices } from "../../../../../../lib/queries/price-ledger";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.modelPrices, (query, _request, params) => listModelPrices(params.slug, query));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
