import { describe, expect, it } from "vitest";
import {
  AMOUNT_INVALID_MESSAGE,
  AMOUNT_REQUIRED_MESSAGE,
  eurosField,
  formatEuros,
  formatRate,
  parseEurosToCents,
} from "#app/lib/money";

// Intl's French output: U+202F between thousands, U+00A0 before the euro sign.
const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("formatEuros", () => {
  it.each([
    [123450, `1${NNBSP}234,50${NBSP}€`],
    [123456789, `1${NNBSP}234${NNBSP}567,89${NBSP}€`],
    [3500, `35,00${NBSP}€`],
    [29, `0,29${NBSP}€`],
    [1, `0,01${NBSP}€`],
    [0, `0,00${NBSP}€`],
    [-0, `0,00${NBSP}€`],
    [-500, `-5,00${NBSP}€`],
  ])("formatEuros(%d) = %j", (cents, expected) => {
    expect(formatEuros(cents)).toBe(expected);
  });

  it("drops zero cents on request, and only zero cents", () => {
    expect(formatEuros(1000, { dropZeroCents: true })).toBe(`10${NBSP}€`);
    expect(formatEuros(1050, { dropZeroCents: true })).toBe(`10,50${NBSP}€`);
  });

  it("refuses fractional cents", () => {
    expect(() => formatEuros(12.5)).toThrow(RangeError);
    expect(() => formatEuros(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatRate", () => {
  it("adds the hourly unit", () => {
    expect(formatRate(3500)).toBe(`35,00${NBSP}€/h`);
    expect(formatRate(123450)).toBe(`1${NNBSP}234,50${NBSP}€/h`);
  });
});

describe("parseEurosToCents", () => {
  it.each([
    ["35", 3500],
    ["35,5", 3550],
    ["35,50", 3550],
    ["35.50", 3550],
    ["0,29", 29],
    ["0.29", 29],
    ["1,15", 115],
    ["0,07", 7],
    ["0", 0],
    ["1234,50", 123450],
    ["1 234,50", 123450],
    [`1${NBSP}234,50`, 123450],
    [`1${NNBSP}234,50`, 123450],
    ["12 345 678", 1234567800],
    ["  35  ", 3500],
    ["35 €", 3500],
    ["35€", 3500],
    [formatEuros(123450), 123450],
  ])("%j → %d", (input, cents) => {
    expect(parseEurosToCents(input)).toBe(cents);
  });

  it.each([
    "",
    " ",
    "abc",
    "35abc",
    "-35",
    "+35",
    "35,505",
    "35,",
    ",5",
    "35,5,0",
    "1.234,50",
    "1,234.50",
    "12 34",
    "1 2345",
    "35 €/h",
    "€35",
    "1e3",
    "Infinity",
    "99999999999999999999",
  ])("rejects %j", (input) => {
    expect(parseEurosToCents(input)).toBeNull();
  });

  it("never drifts through float rounding", () => {
    for (let cents = 0; cents < 10000; cents++) {
      const text = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
      expect(parseEurosToCents(text)).toBe(cents);
    }
  });
});

describe("eurosField", () => {
  const field = eurosField({ min: 1000, max: 20000 });

  it("turns a form string into cents", () => {
    expect(field.parse("35,50")).toBe(3550);
    expect(field.parse("10")).toBe(1000);
    expect(field.parse("200,00")).toBe(20000);
  });

  it("says the range in euros", () => {
    const message = `Le montant doit être compris entre 10${NBSP}€ et 200${NBSP}€`;
    expect(field.safeParse("9,99").error?.issues.map((i) => i.message)).toEqual([message]);
    expect(field.safeParse("200,01").error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it("rejects garbage and a missing value", () => {
    expect(field.safeParse("trente").error?.issues.map((i) => i.message)).toEqual([AMOUNT_INVALID_MESSAGE]);
    expect(AMOUNT_INVALID_MESSAGE).toBe("Montant invalide");
    expect(field.safeParse(undefined).error?.issues[0]?.message).toBe(AMOUNT_REQUIRED_MESSAGE);
  });
});
