/**
 * Field limits shared by API, CLI and forms (style.md §D). Isomorphic; constants only.
 * Lengths count UTF-16 code units (zod `.max()`), which equals characters for Chinese text.
 */

// Enterprises (src/domains/enterprises/schema.ts)
/** Raw credit-code input before normalisation (spaces and full-width characters allowed). */
export const USCC_RAW_INPUT_MAX = 64;
export const ENTERPRISE_NAME_MAX = 200;
export const ENTERPRISE_FORMER_NAMES_MAX_COUNT = 20;
export const ENTERPRISE_PERSON_NAME_MAX = 50;
export const ENTERPRISE_ADDRESS_MAX = 300;
/** Integer digits of registered capital in 元 (numeric(16,2): up to 99,999,999,999,999.99 元). */
export const ENTERPRISE_CAPITAL_INTEGER_DIGITS_MAX = 14;
export const ENTERPRISE_HIGH_TECH_CERT_NO_MAX = 40;
export const ENTERPRISE_CONTACTS_MAX_COUNT = 20;
export const ENTERPRISE_CONTACT_ROLE_MAX = 50;
export const ENTERPRISE_CONTACT_PHONE_MAX = 30;
export const ENTERPRISE_CONTACT_EMAIL_MAX = 254;
export const ENTERPRISE_TAGS_MAX_COUNT = 20;
export const ENTERPRISE_TAG_MAX = 30;
/** Dates (establishment, certificates) must fall in these years: a guard against typos such as 0215-06-01. */
export const ENTERPRISE_DATE_YEAR_MIN = 1900;
export const ENTERPRISE_DATE_YEAR_MAX = 2199;
export const ENTERPRISE_LIST_Q_MAX = 100;
export const ENTERPRISE_LIST_PAGE_SIZE_DEFAULT = 20;
export const ENTERPRISE_LIST_PAGE_SIZE_MAX = 200;
/** Highest page number accepted by the list (deep offsets are an abuse vector). */
export const ENTERPRISE_LIST_PAGE_MAX = 100_000;

// Organisation network and accounts
export const ORG_NAME_MAX = 100;
export const ORG_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const CONTACT_PHONE_MAX = 30;
export const ADDRESS_MAX = 300;
export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/;
export const DISPLAY_NAME_MAX = 50;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const REASON_MAX = 500;
