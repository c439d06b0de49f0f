import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { listNews } from "../../../../lib/queries/news-feed";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.news, (query) => listNews(query));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
