/** The facts about a model that every analytic reads; each metric adds what it needs. */
export interface AnalyticsModel {
  slug: string;
  name: string;
  labSlug: string;
  openWeights: boolean;
  reasoning: boolean;
  releasedOn: Date;
}
