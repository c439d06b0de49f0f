/** The filters each dashboard page keeps in its URL (see url-filters.ts for the field builders). */
import { z } from "zod";
import { HARDWARE_KINDS, LAB_KINDS, PROVIDER_KINDS } from "../domain";
import { enumFilter, flagFilter, slugFilter, textFilter, triStateFilter, yearFilter } from "./url-filters";

const countryFilter = () => z.string().regex(/^[A-Za-z]{2}$/).transform((s) => s.toUpperCase()).optional().catch(undefined);

export const labsFilters = z.object({
  q: textFilter(),
  kind: enumFilter(["all", ...LAB_KINDS] as const, "all"),
  country: countryFilter(),
});
export type LabsFilters = z.infer<typeof labsFilters>;

export const modelsFilters = z.object({
  q: textFilter(),
  lab: slugFilter(),
  open: triStateFilter(),
  reasoning: triStateFilter(),
  sort: enumFilter(["-released", "released", "name", "-name"] as const, "-released"),
});
export type ModelsFilters = z.infer<typeof modelsFilters>;

export const providersFilters = z.object({
  no_training: flagFilter(),
  eu: flagFilter(),
  not_cn: flagFilter(),
  zdr: flagFilter(),
  kind: enumFilter(["all", ...PROVIDER_KINDS] as const, "all"),
  hardware: enumFilter(["all", ...HARDWARE_KINDS] as const, "all"),
  /** the open model whose provider spread is shown */
  model: slugFilter(),
});
export type ProvidersFilters = z.infer<typeof providersFilters>;

export const newsFilters = z.object({
  lab: slugFilter(),
  show: enumFilter(["all", "releases", "news"] as const, "all"),
  year: yearFilter(),
  open: triStateFilter(),
});
export type NewsFilters = z.infer<typeof newsFilters>;

/** rows per page of the models index (server first paint and client pages alike) */
export const MODELS_PAGE_SIZE = 50;
