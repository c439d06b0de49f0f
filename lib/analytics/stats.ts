/**
 * The statistics the trend analytics need: ordinary least squares with the standard error of the
 * slope, and quantiles of Student's t distribution for confidence intervals.
 *
 * Student t quantile, for any ν > 0 (not only integers) and any p in [0, 1]:
 * - finite ν ≤ 1e5: solve P(T > t) = q exactly, where P(T > t) = ½·I_x(ν/2, ½), x = ν/(ν + t²), and
 *   I is the regularised incomplete beta function (continued fraction, modified Lentz; Numerical
 *   Recipes §6.4); near the centre (q ≥ ¼) solve P(0 < T < t) = ½ − q = ½·I_{1−x}(½, ν/2) instead,
 *   so both ends keep full relative precision. Safeguarded Newton iteration on log t against the
 *   log probability: in log–log coordinates the heavy tails of small ν are almost straight lines, so
 *   extreme p converge in a few steps, and a bracket turns any bad step into a bisection.
 * - ν > 1e5: the continued fraction needs about √ν terms near the centre, so use the Cornish–Fisher
 *   expansion around the normal quantile (Abramowitz & Stegun 26.7.5), whose error is O(ν⁻⁵).
 * - ν = ∞: the normal quantile, Wichura's algorithm AS 241 (about 1e-16 relative).
 */

export interface OlsFit {
  slope: number;
  intercept: number;
  /** coefficient of determination; 1 when the line passes through every point */
  r2: number;
  /** standard error of the slope, √(SSE / (n − 2) / Σ(x − x̄)²) */
  slopeStdError: number;
  n: number;
}

/** Ordinary least squares of y on x. Needs 3 points (one residual degree of freedom) and two distinct x. */
export function ols(xs: readonly number[], ys: readonly number[]): OlsFit {
  const n = xs.length;
  if (ys.length !== n) throw new RangeError("x and y need the same length");
  if (n < 3) throw new RangeError("least squares with a standard error needs at least 3 points");
  if (!xs.every(Number.isFinite) || !ys.every(Number.isFinite)) throw new RangeError("x and y must be finite numbers");
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  // centred sums: no cancellation when x is far from 0 (dates in years since 1970)
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new RangeError("x must take at least two distinct values");
  const slope = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = ys[i]! - my - slope * (xs[i]! - mx);
    sse += r * r;
  }
  const r2 = syy === 0 ? 1 : Math.min(1, Math.max(0, 1 - sse / syy));
  return { slope, intercept: my - slope * mx, r2, slopeStdError: Math.sqrt(sse / (n - 2) / sxx), n };
}

/** Two-sided confidence interval of the slope: slope ± t_{(1+level)/2, n−2} × SE. */
export function slopeConfidenceInterval(fit: OlsFit, level: number): { low: number; high: number } {
  if (!(level > 0 && level < 1)) throw new RangeError("a confidence level is between 0 and 1");
  const t = studentTQuantile(0.5 + level / 2, fit.n - 2);
  return { low: fit.slope - t * fit.slopeStdError, high: fit.slope + t * fit.slopeStdError };
}

const CORNISH_FISHER_DF = 1e5;
const MAX_LOG_T = Math.log(Number.MAX_VALUE);

/** The p-quantile of Student's t with df degrees of freedom (df > 0, Infinity for the normal). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError("a probability is between 0 and 1");
  if (!(df > 0)) throw new RangeError("degrees of freedom must be positive");
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // q = P(T > |t|); 1 − p is exact for p ≥ ½ (Sterbenz), so no precision is lost
  const q = p < 0.5 ? p : 1 - p;
  const t = df === Infinity ? -normalQuantile(q) : df > CORNISH_FISHER_DF ? cornishFisher(q, df) : upperTailQuantile(q, df);
  return p < 0.5 ? -t : t;
}

function cornishFisher(q: number, nu: number): number {
  const z = -normalQuantile(q);
  const z2 = z * z;
  const g1 = (z2 + 1) * z / 4;
  const g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu;
}

/**
 * log P(T > e^s) (side "tail") or log P(0 < T < e^s) (side "centre") for ν degrees of freedom, and
 * the derivative with respect to s. Each side is computed from the incomplete beta on its own
 * small side, so it keeps full relative precision where the quantile is solved against it.
 */
function logProbability(s: number, nu: number, logBetaHalf: number, side: "tail" | "centre"): { value: number; slope: number } {
  // x = 1/(1+w) and y = w/(1+w) with w = t²/ν, each computed without forming 1 − x
  const logW = 2 * s - Math.log(nu);
  let logX: number;
  let logY: number;
  if (logW <= 0) {
    const w = Math.exp(logW);
    logX = -Math.log1p(w);
    logY = logW - Math.log1p(w);
  } else {
    const r = Math.exp(-logW);
    logX = -logW - Math.log1p(r);
    logY = -Math.log1p(r);
  }
  const x = Math.exp(logX);
  const y = Math.exp(logY);
  // P(T > t) = ½·I_x(ν/2, ½) and P(0 < T < t) = ½·I_y(½, ν/2)
  const value = Math.log(0.5) + (side === "tail" ? logRegularizedIncompleteBeta(nu / 2, 0.5, x, y, logX, logY, logBetaHalf) : logRegularizedIncompleteBeta(0.5, nu / 2, y, x, logY, logX, logBetaHalf));
  // d/ds of either is ∓t·pdf(t) / P, with pdf(t) = x^((ν+1)/2) / (√ν · B(ν/2, ½))
  const logTPdf = s + ((nu + 1) / 2) * logX - 0.5 * Math.log(nu) - logBetaHalf;
  const slope = Math.exp(logTPdf - value);
  return { value, slope: side === "tail" ? -slope : slope };
}

/** The t > 0 with P(T > t) = q, for 0 < q < ½. */
function upperTailQuantile(q: number, nu: number): number {
  // far from the centre solve against the tail probability q; near it against ½ − q (exact there)
  const side = q < 0.25 ? "tail" : "centre";
  const target = Math.log(side === "tail" ? q : 0.5 - q);
  const sign = side === "tail" ? 1 : -1; // makes h(s) = sign·(log P − target) decreasing in s
  const logBetaHalf = logBeta(nu / 2, 0.5);
  // start from the first Cornish–Fisher term; the bracket absorbs a poor start at small ν
  const z = -normalQuantile(q);
  let s = Math.log(z * (1 + (z * z + 1) / (4 * nu)));
  let lo = -Infinity; // h(lo) > 0
  let hi = Infinity; // h(hi) < 0
  for (let i = 0; i < 300; i++) {
    const { value, slope } = logProbability(s, nu, logBetaHalf, side);
    const h = sign * (value - target);
    if (h === 0) return Math.exp(s);
    if (h > 0) lo = s;
    else hi = s;
    if (lo >= MAX_LOG_T) return Infinity; // the quantile is beyond the largest double
    let next = s - h / (sign * slope);
    if (!(next > lo && next < hi)) {
      if (Number.isFinite(lo) && Number.isFinite(hi)) next = (lo + hi) / 2;
      else next = h > 0 ? s + 2 : s - 2;
    }
    if (Math.abs(next - s) < 1e-13 || hi - lo < 1e-15) return Math.exp(Math.min(next, MAX_LOG_T));
    s = next;
  }
  throw new Error(`t quantile did not converge (q=${q}, df=${nu})`);
}

/** I_x(a, b) as a logarithm, given x, y = 1 − x and their logarithms (each computed accurately). */
function logRegularizedIncompleteBeta(a: number, b: number, x: number, y: number, logX: number, logY: number, logBetaAB: number): number {
  const logFront = a * logX + b * logY - logBetaAB;
  // the continued fraction converges fast below the mean; above it use I_x(a,b) = 1 − I_y(b,a)
  if (x < (a + 1) / (a + b + 2)) return logFront + Math.log(betaContinuedFraction(a, b, x) / a);
  return Math.log1p(-Math.exp(logFront) * betaContinuedFraction(b, a, y) / b);
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const eps = 1e-16;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 20000; m++) {
    const m2 = 2 * m;
    for (const aa of [(m * (b - m) * x) / ((a - 1 + m2) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2))]) {
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < eps) return h;
  }
  throw new Error(`incomplete beta did not converge (a=${a}, b=${b}, x=${x})`);
}

/** log B(a, b). For a large argument the difference of log-gammas is taken from Stirling's series, avoiding cancellation. */
export function logBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < 15) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const logGammaRatio = (big - 0.5) * Math.log1p(small / big) + small * Math.log(big + small) - small + stirlingCorrection(big + small) - stirlingCorrection(big);
  return logGamma(small) - logGammaRatio;
}

function stirlingCorrection(x: number): number {
  const x2 = x * x;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * x2)) / x2) / x2) / x2) / x;
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** log Γ(x) for x > 0 (Lanczos, g = 7; about 1e-15 relative). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError("logGamma takes a positive argument");
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const xm1 = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (xm1 + i);
  const t = xm1 + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (xm1 + 0.5) * Math.log(t) - t + Math.log(sum);
}

// Wichura (1988), algorithm AS 241 (PPND16): numerator and denominator coefficients, lowest order first
const AS241_CENTRAL = [
  [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727],
  [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561],
] as const;
const AS241_INTERMEDIATE = [
  [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4],
  [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9],
] as const;
const AS241_TAIL = [
  [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7],
  [1, 0.59983220655588793769, 0.13692988092273580531, 0.014875361290850614852, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15],
] as const;

function polynomial(coefficients: readonly number[], x: number): number {
  let v = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) v = v * x + coefficients[i]!;
  return v;
}

/** The p-quantile of the standard normal distribution. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError("a probability is between 0 and 1");
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_CENTRAL[0], r)) / polynomial(AS241_CENTRAL[1], r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const [num, den] = r <= 5 ? AS241_INTERMEDIATE : AS241_TAIL;
  r -= r <= 5 ? 1.6 : 5;
  const v = polynomial(num, r) / polynomial(den, r);
  return q < 0 ? -v : v;
}
