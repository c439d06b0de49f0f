/**
 * Blended price per 1M tokens: (mix.input × input + mix.output × output) / (mix.input + mix.output).
 * The default mix is 3 parts input to 1 part output (ARCHITECTURE.md, "Analytics").
 */
export interface BlendMix {
  input: number;
  output: number;
}

export const DEFAULT_MIX: BlendMix = { input: 3, output: 1 };

export function blendedPrice(price: { input: number; output: number }, mix: BlendMix = DEFAULT_MIX): number {
  const parts = mix.input + mix.output;
  if (!(parts > 0)) throw new RangeError("a blend mix needs at least one part");
  return (mix.input * price.input + mix.output * price.output) / parts;
}
