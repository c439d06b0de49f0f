import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { listPrices } from "../../../../lib/queries/price-ledger";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.prices, (query) => listPrices(query));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
