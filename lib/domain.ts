/** The closed vocabularies of the domain model; the migration's CHECK constraints list the same values. */
export const LAB_KINDS = ["frontier_lab", "big_tech", "startup", "academic", "community", "nonprofit"] as const;
export const PROVIDER_KINDS = ["first_party", "hyperscaler", "gpu_cloud", "specialised_hardware", "aggregator"] as const;
export const HARDWARE_KINDS = ["gpu", "tpu", "lpu", "wse", "rdu", "trainium", "inferentia", "mixed", "unknown"] as const;
export const DOMAINS = ["general", "code", "math", "medical", "legal", "finance", "science", "multilingual", "vision", "other"] as const;
export const MODALITIES = ["text", "image", "audio", "video"] as const;
/** standard = list price; the others are variants kept apart (promo and free never count as a reference price). */
export const PRICE_TIERS = ["standard", "long-context", "batch", "off-peak", "flex", "priority", "promo", "free"] as const;
export const BENCHMARK_UNITS = ["percent", "elo", "index"] as const;
export const BENCHMARK_CATEGORIES = ["knowledge", "reasoning", "math", "coding", "agentic", "preference"] as const;
/** what a digest subscriber can choose to receive */
export const DIGEST_TOPICS = ["prices", "releases", "benchmarks", "open-vs-proprietary"] as const;
