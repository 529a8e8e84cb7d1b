import { createImportRegistry } from '../platform/import';
import { recordAudit } from './audit';
import { enterpriseImportKind } from './enterprises';
import { inspectionImportKind } from './equipment-safety/equipment';
import { airHourlyImportKind } from './environment';

/**
 * Every importable kind (the generic engine in src/platform/import runs them). A domain that adds
 * an import adds its kind here; audit entries go through the audit domain.
 */
export const importRegistry = createImportRegistry([enterpriseImportKind, inspectionImportKind, airHourlyImportKind], { recordAudit });
