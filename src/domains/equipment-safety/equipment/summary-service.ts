import type { Db } from '../../../platform/db/types';
import type { Actor } from '../../../shared/actor';
import { getDevice } from './device-service';
import type { RegistrationStatus } from './enums';

/** What other modules (hazards) need to know about a device they link to. */
export type DeviceSummary = {
  id: string;
  equipmentCode: string | null;
  productName: string;
  categoryCode: string;
  status: RegistrationStatus;
  useUnitId: string;
  maintenanceUnitId: string | null;
  territoryOrgUnitId: string;
  useAddress: string;
  nextDueOn: string | null;
  mustStop: boolean;
};

/** A device the actor may see, as a summary; 404 `equipment.not_found` otherwise. */
export async function getDeviceSummary(db: Db, options: { actor: Actor; id: string }): Promise<DeviceSummary> {
  const d = await getDevice(db, options);
  return {
    id: d.id,
    equipmentCode: d.equipmentCode,
    productName: d.productName,
    categoryCode: d.categoryCode,
    status: d.status,
    useUnitId: d.useUnitId,
    maintenanceUnitId: d.maintenanceUnitId,
    territoryOrgUnitId: d.territoryOrgUnitId,
    useAddress: d.useAddress,
    nextDueOn: d.nextDueOn,
    mustStop: d.mustStop,
  };
}
