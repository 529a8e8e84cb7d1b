/**
 * The filter controls of the enterprise list (all in the URL through useListQuery): credit-code
 * prefix, territory with or without sub-units, industry of any level, scale, 规上/规下, status,
 * high-tech, tag.
 */
import { Checkbox, Select } from 'antd';
import { aboveDesignatedSizeLabels, enterpriseStatuses, enterpriseStatusLabels, scaleClasses, scaleClassLabels } from '../../../domains/enterprises/enterprise-enums';
import type { EnterpriseListItem } from '../../../domains/enterprises/view-schema';
import { FilterInput } from '../../components/ui/filter-input';
import { OrgUnitSelect } from '../../components/ui/org-unit-select';
import type { ListQuery } from '../../components/ui/use-list-query';
import { useI18n } from '../../lib/i18n';
import { IndustrySelect } from './industry-select';

export const enterpriseFilterKeys = ['code', 'territoryOrgUnitId', 'includeSubunits', 'industry', 'scaleClass', 'aboveDesignatedSize', 'status', 'highTech', 'tag'] as const;

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export function EnterpriseFilters({ list, territoryRootId, showTerritory }: { list: ListQuery<EnterpriseListItem>; territoryRootId?: string; showTerritory: boolean }) {
  const { t, label } = useI18n();
  const { filters } = list.params;
  const territory = str(filters.territoryOrgUnitId);
  return (
    <>
      <FilterInput value={filters.code} onCommit={(v) => list.setFilter('code', v)} placeholder={t('信用代码（前几位）', 'Credit code prefix')} style={{ width: 170 }} testId="enterprises-filter-code" />
      {showTerritory && (
        <OrgUnitSelect
          value={territory}
          onChange={(v) => list.setFilters({ territoryOrgUnitId: v, includeSubunits: v ? filters.includeSubunits : undefined })}
          rootId={territoryRootId}
          placeholder={t('属地', 'Territory')}
          style={{ minWidth: 160 }}
          testId="enterprises-filter-territory"
        />
      )}
      {territory && (
        <Checkbox checked={filters.includeSubunits !== 'false'} onChange={(e) => list.setFilter('includeSubunits', e.target.checked ? undefined : 'false')} data-testid="enterprises-filter-subunits">
          {t('含下级', 'Incl. sub-units')}
        </Checkbox>
      )}
      <IndustrySelect value={str(filters.industry)} onChange={(v) => list.setFilter('industry', v ?? undefined)} placeholder={t('行业', 'Industry')} style={{ minWidth: 160, maxWidth: 240 }} testId="enterprises-filter-industry" />
      <Select
        allowClear
        placeholder={t('规模', 'Scale')}
        value={str(filters.scaleClass)}
        onChange={(v: string | undefined) => list.setFilter('scaleClass', v)}
        options={scaleClasses.map((s) => ({ value: s, label: label(scaleClassLabels[s]) }))}
        style={{ minWidth: 90 }}
      />
      <Select
        allowClear
        placeholder={t('规上/规下', 'Size')}
        value={str(filters.aboveDesignatedSize)}
        onChange={(v: string | undefined) => list.setFilter('aboveDesignatedSize', v)}
        options={(['true', 'false'] as const).map((v) => ({ value: v, label: label(aboveDesignatedSizeLabels[v]) }))}
        style={{ minWidth: 100 }}
      />
      <Select
        allowClear
        placeholder={t('登记状态', 'Status')}
        value={str(filters.status)}
        onChange={(v: string | undefined) => list.setFilter('status', v)}
        options={enterpriseStatuses.map((s) => ({ value: s, label: label(enterpriseStatusLabels[s]) }))}
        style={{ minWidth: 100 }}
        data-testid="enterprises-filter-status"
      />
      <Select
        allowClear
        placeholder={t('高新技术企业', 'High-tech')}
        value={str(filters.highTech)}
        onChange={(v: string | undefined) => list.setFilter('highTech', v)}
        options={[
          { value: 'true', label: t('高企（证书有效）', 'High-tech (valid)') },
          { value: 'false', label: t('非高企', 'Not high-tech') },
        ]}
        style={{ minWidth: 130 }}
      />
      <FilterInput value={filters.tag} onCommit={(v) => list.setFilter('tag', v)} placeholder={t('标签', 'Tag')} style={{ width: 110 }} />
    </>
  );
}
