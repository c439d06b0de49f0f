/** Reads of the model catalogue. */
import { getPrisma } from "../db";
import { ApiError } from "../errors";
import { isoDay, parseDay } from "../dates";
import type { Prisma } from "../generated/prisma/client";
import type { ListModelsQuery, ListModelsResponse, ModelDto } from "../schemas/models";

const encodeCursor = (id: number) => Buffer.from(`m:${id}`).toString("base64url");
function decodeCursor(cursor: string): number {
  const m = /^m:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw new ApiError("invalid_request", "Invalid query parameter: cursor: not a cursor returned by this API", [{ field: "cursor", message: "not a cursor returned by this API" }]);
  return Number(m[1]);
}

const include = { lab: { select: { slug: true, name: true, country: true } } } as const;
type ModelRow = Prisma.ModelGetPayload<{ include: typeof include }>;

function toDto(m: ModelRow): ModelDto {
  return {
    slug: m.slug,
    name: m.name,
    lab: m.lab,
    family: m.family,
    releasedOn: isoDay(m.releasedOn),
    openWeights: m.openWeights,
    license: m.license,
    params: { totalB: m.paramsTotalB, activeB: m.paramsActiveB },
    contextWindow: m.contextWindow,
    modalities: m.modalities,
    reasoning: m.reasoning,
    domain: m.domain,
    status: m.status,
    deprecatedOn: m.deprecatedOn ? isoDay(m.deprecatedOn) : null,
    sourceUrl: m.sourceUrl,
  };
}

export async function listModels(q: ListModelsQuery): Promise<ListModelsResponse> {
  const where: Prisma.ModelWhereInput = {
    ...(q.lab ? { lab: { slug: q.lab } } : {}),
    ...(q.country ? { lab: { ...(q.lab ? { slug: q.lab } : {}), country: q.country } } : {}),
    ...(q.open === undefined ? {} : { openWeights: q.open }),
    ...(q.reasoning === undefined ? {} : { reasoning: q.reasoning }),
    ...(q.domain ? { domain: q.domain } : {}),
    ...(q.released_after || q.released_before
      ? { releasedOn: { ...(q.released_after ? { gte: parseDay(q.released_after) } : {}), ...(q.released_before ? { lte: parseDay(q.released_before) } : {}) } }
      : {}),
    ...(q.q ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { slug: { contains: q.q.toLowerCase() } }] } : {}),
  };
  const dir = q.sort.startsWith("-") ? "desc" : "asc";
  const orderBy: Prisma.ModelOrderByWithRelationInput[] = q.sort.endsWith("released") ? [{ releasedOn: dir }, { id: dir }] : [{ name: dir }, { id: dir }];
  const rows = await getPrisma().model.findMany({
    where,
    orderBy,
    include,
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: decodeCursor(q.cursor) }, skip: 1 } : {}),
  });
  const page = rows.slice(0, q.limit);
  return { data: page.map(toDto), nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!.id) : null };
}
