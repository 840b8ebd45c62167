/** One non-secret setting, labelled as an operator names it. */
export type SettingField = { label: string; value: string };

/**
 * What a section of the settings says: one line to read first (the store and how it
 * authenticates), then the settings behind it. Secrets are not here: they are shown from
 * the Secret references, with their checks.
 */
export type SettingsDescription = {
  summary: string;
  fields: SettingField[];
  /** Something in the section will not work as configured. */
  warning?: string;
};

/** Fields whose value is set, in the given order (unset settings are not worth a row). */
export function presentFields(
  fields: Array<[label: string, value: string | number | undefined]>,
): SettingField[] {
  return fields.flatMap(([label, value]) =>
    value === undefined || value === ''
      ? []
      : [{ label, value: String(value) }],
  );
}

/** A store value this plugin has no words for, quoted as the env var holds it. */
function unknownStore(value: string, what: string): string {
  return `"${value}" (not a ${what} the chart documents)`;
}

/**
 * The name of the store an env var selects, e.g. ANALYTICS_STORE=control_plane: "Portkey
 * control plane"; an unset or unknown value is said as such.
 */
export function storeName(
  value: string | undefined,
  names: Record<string, string>,
  what: string,
  envName: string,
): string {
  if (!value) return `not set (${envName} is empty)`;
  return names[value] ?? unknownStore(value, what);
}

export const yesNo = (value: boolean | undefined) => (value ? 'on' : 'off');
