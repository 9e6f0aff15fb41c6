// The part of js-quantities these rules use: parse a quantity with a unit, read its kind.
declare module 'js-quantities' {
  interface Qty {
    readonly scalar: number;
    units(): string;
    kind(): string;
    to(unit: string): Qty;
    isCompatible(other: string | Qty): boolean;
    eq(other: Qty): boolean;
  }
  interface QtyStatic {
    (value: string): Qty;
    /** Null instead of a throw when the text is not a quantity. */
    parse(value: string): Qty | null;
  }
  const Qty: QtyStatic;
  export = Qty;
}
