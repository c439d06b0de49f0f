import { describe, expect, it } from "vitest";
import { logBeta, logGamma, normalQuantile, ols, slopeConfidenceInterval, studentTQuantile } from "./stats";

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("ols", () => {
  it("recovers an exact line with r² 1 and a zero standard error", () => {
    const fit = ols([0, 1, 2, 3], [5, 3, 1, -1]);
    expect(fit.slope).toBeCloseTo(-2, 14);
    expect(fit.intercept).toBeCloseTo(5, 14);
    expect(fit.r2).toBe(1);
    expect(fit.slopeStdError).toBeCloseTo(0, 14);
    expect(fit.n).toBe(4);
  });

  it("matches a reference regression on x far from zero (scipy.stats.linregress)", () => {
    // x in years, as the trend fit uses them: centring keeps full precision
    const fit = ols([2020, 2020.5, 2021.25, 2022, 2023.1, 2024], [1.5, 1.2, 0.7, 0.4, -0.1, -0.6]);
    expect(relErr(fit.slope, -0.5118446601941801)).toBeLessThan(1e-12);
    expect(relErr(fit.intercept, 1035.3684660194283)).toBeLessThan(1e-12);
    expect(relErr(fit.r2, 0.9947351050261597)).toBeLessThan(1e-12);
    expect(relErr(fit.slopeStdError, 0.018618698310729504)).toBeLessThan(1e-10);
  });

  it("refuses fewer than three points, unequal lengths, one distinct x and non-finite values", () => {
    expect(() => ols([1, 2], [1, 2])).toThrow(RangeError);
    expect(() => ols([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => ols([2, 2, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => ols([1, 2, Number.NaN], [1, 2, 3])).toThrow(RangeError);
  });

  it("gives a slope interval of ± t(0.95, n−2) × SE at 90%", () => {
    const fit = ols([0, 1, 2, 3, 4], [0, 1.1, 1.9, 3.2, 3.9]);
    const ci = slopeConfidenceInterval(fit, 0.9);
    const t = studentTQuantile(0.95, 3);
    expect(ci.low).toBeCloseTo(fit.slope - t * fit.slopeStdError, 14);
    expect(ci.high).toBeCloseTo(fit.slope + t * fit.slopeStdError, 14);
    expect(() => slopeConfidenceInterval(fit, 1)).toThrow(RangeError);
  });
});

describe("studentTQuantile", () => {
  it("matches the printed table at t(0.95)", () => {
    expect(studentTQuantile(0.95, 2)).toBeCloseTo(2.919986, 6);
    expect(studentTQuantile(0.95, 5)).toBeCloseTo(2.015048, 6);
    expect(studentTQuantile(0.95, 30)).toBeCloseTo(1.697261, 6);
    expect(studentTQuantile(0.95, 1e9)).toBeCloseTo(1.644854, 6);
    expect(studentTQuantile(0.95, Infinity)).toBeCloseTo(1.644854, 6);
  });

  it("agrees with 40-digit references (mpmath) to 1e-12, including fractional df and far tails", () => {
    const cases: [number, number, number][] = [
      [0.95, 2, 2.9199855803537242],
      [0.95, 5, 2.0150483733330235],
      [0.95, 30, 1.6972608865939574],
      [0.975, 10, 2.2281388519862742],
      [0.999, 3, 10.214531852407383],
      [0.995, 1.5, 17.820310514462797],
      [1e-10, 0.5, -1.02849115631634e19],
      [1e-10, 4, -416.17514032960413],
      [0.95, 1000, 1.6463788172854643],
      [0.95, 1e5, 1.6448688647849693],
      [0.95, Infinity, 1.6448536269514728],
    ];
    for (const [p, df, expected] of cases) expect(relErr(studentTQuantile(p, df), expected), `p=${p} df=${df}`).toBeLessThan(1e-12);
  });

  it("equals the closed forms for one and two degrees of freedom", () => {
    for (const p of [1e-12, 0.001, 0.03, 0.2, 0.3, 0.45, 0.4999, 0.6, 0.9, 0.975, 0.999999]) {
      // −cot(πp) rather than tan(π(p − ½)), which loses digits near the poles
      const cauchy = p < 0.5 ? -1 / Math.tan(Math.PI * p) : 1 / Math.tan(Math.PI * (1 - p));
      expect(relErr(studentTQuantile(p, 1), cauchy), `df=1 p=${p}`).toBeLessThan(1e-11);
      expect(relErr(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p))), `df=2 p=${p}`).toBeLessThan(1e-11);
    }
  });

  it("is continuous where it switches to the Cornish–Fisher expansion", () => {
    for (const p of [1e-200, 1e-8, 0.05, 0.3]) {
      expect(relErr(studentTQuantile(p, 1e5), studentTQuantile(p, 1e5 * (1 + 1e-12))), `p=${p}`).toBeLessThan(1e-12);
    }
  });

  it("is antisymmetric, rises with p and falls towards the normal quantile as df grows", () => {
    const dfs = [0.2, 1, 2.5, 7, 40, 500, 5e4, 5e6];
    for (const df of dfs) {
      let prev = -Infinity;
      for (let p = 0.0005; p < 1; p += 0.0125) {
        const t = studentTQuantile(p, df);
        expect(t).toBeGreaterThan(prev);
        expect(relErr(-studentTQuantile(1 - p, df), t)).toBeLessThan(1e-9); // 1 − p rounds
        prev = t;
      }
    }
    for (let i = 1; i < dfs.length; i++) expect(studentTQuantile(0.95, dfs[i]!)).toBeLessThan(studentTQuantile(0.95, dfs[i - 1]!));
    expect(studentTQuantile(0.95, 5e6)).toBeGreaterThan(normalQuantile(0.95));
  });

  it("returns the infinities at 0 and 1, 0 at ½, Infinity past the largest double, and refuses bad input", () => {
    expect(studentTQuantile(0, 3)).toBe(-Infinity);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(1 - 1e-20, 0.05)).toBe(Infinity); // the true value is about e^905
    expect(() => studentTQuantile(1.2, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(Number.NaN, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, Number.NaN)).toThrow(RangeError);
  });
});

describe("normalQuantile and the gamma helpers", () => {
  it("inverts the normal distribution at known points", () => {
    expect(relErr(normalQuantile(0.975), 1.959963984540054)).toBeLessThan(1e-15);
    expect(relErr(normalQuantile(1e-300), -37.047096299361199)).toBeLessThan(1e-14);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it("computes log Γ and log B accurately, also for a large argument", () => {
    expect(relErr(logGamma(0.5), Math.log(Math.sqrt(Math.PI)))).toBeLessThan(1e-15);
    expect(relErr(logGamma(10), Math.log(362880))).toBeLessThan(1e-15);
    expect(relErr(logGamma(1e-3), 6.907178885383853)).toBeLessThan(1e-14);
    // log B(5e5, ½) from mpmath; the naive lgamma difference loses about 10 digits here
    expect(relErr(logBeta(5e5, 0.5), -5.9888164957774643)).toBeLessThan(1e-14);
    expect(relErr(logBeta(20, 0.5), -0.91925184440660399)).toBeLessThan(1e-14);
    expect(logBeta(0.5, 20)).toBe(logBeta(20, 0.5));
  });
});
