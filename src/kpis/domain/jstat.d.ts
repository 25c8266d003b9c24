// jstat ships no typings and there is no @types/jstat: only the Student's t functions we use.
declare module 'jstat' {
  interface StudentT {
    /** Quantile: the t with P(T ≤ t) = p for `dof` degrees of freedom. */
    inv(p: number, dof: number): number;
    /** P(T ≤ x) for `dof` degrees of freedom. */
    cdf(x: number, dof: number): number;
  }

  export const jStat: { studentt: StudentT };
}
