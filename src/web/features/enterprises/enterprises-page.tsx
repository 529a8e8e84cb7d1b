/**
 * 企业信息 /enterprises: the registry the user may see (a township its territory, an enterprise user
 * its own record) with fuzzy search over names, former names and credit codes, the filters of
 * enterprise-filters.tsx, sorting, paging, the Excel export of exactly the filtered list, and the
 * buttons 新增企业, 批量导入, 信用代码校验.
 */
import { ImportOutlined, PlusOutlined, SafetyCertificateOutlined, ShopOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { enterpriseSorts } from '../../../domains/enterprises/enterprise-enums';
import type { EnterpriseListItem } from '../../../domains/enterprises/view-schema';
import { roleReach } from '../../../shared/permissions';
import { ListPage } from '../../components/ui/list-page';
import { useListQuery } from '../../components/ui/use-list-query';
import { useI18n } from '../../lib/i18n';
import { useCan, useMe } from '../auth/api';
import { enterpriseColumns } from './enterprise-columns';
import { EnterpriseFilters, enterpriseFilterKeys } from './enterprise-filters';
import { EnterpriseFormModal, type EnterpriseFormTarget } from './enterprise-form-modal';

export default function EnterprisesPage() {
  const { t, label } = useI18n();
  const { data: me } = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const [formTarget, setFormTarget] = useState<EnterpriseFormTarget | null>(null);
  const list = useListQuery<EnterpriseListItem>({ path: '/enterprises', filterKeys: enterpriseFilterKeys, defaultSort: 'name', allowedSorts: enterpriseSorts });
  const columns = useMemo(() => enterpriseColumns(t, label), [t, label]);

  const canCreate = can('enterprises.manage');
  const canImport = can('imports.manage') && can('enterprises.manage');
  // A township sees its own territory only; city-wide roles (and departments, who supervise sectors) the whole tree.
  const territoryRootId = me?.role === 'township' ? me.orgUnit.id : undefined;
  const showTerritory = me ? roleReach[me.role] !== 'enterprise' : false;

  return (
    <>
      <ListPage<EnterpriseListItem>
        title={
          <>
            <ShopOutlined /> {t('企业信息', 'Enterprises')}
          </>
        }
        subtitle={t('市场主体名录：统一社会信用代码按 GB 32100-2015 校验，行业按 GB/T 4754-2017 分类', 'Registry of market entities: credit codes per GB 32100-2015, industries per GB/T 4754-2017')}
        list={list}
        columns={columns}
        rowKey="id"
        testId="enterprises"
        searchPlaceholder={t('企业名称、曾用名或信用代码（模糊）', 'Name, former name or credit code')}
        exportPath="/enterprises/export.xlsx"
        actions={
          <>
            <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate('/enterprises/uscc-check')} data-testid="enterprise-uscc-button">
              {t('信用代码校验', 'Check a credit code')}
            </Button>
            {canImport && (
              <Button icon={<ImportOutlined />} onClick={() => navigate('/imports/enterprises')} data-testid="enterprise-import-button">
                {t('批量导入', 'Bulk import')}
              </Button>
            )}
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })} data-testid="enterprise-create-button">
                {t('新增企业', 'New enterprise')}
              </Button>
            )}
          </>
        }
        filters={<EnterpriseFilters list={list} territoryRootId={territoryRootId} showTerritory={showTerritory} />}
      />
      {me && (
        <EnterpriseFormModal
          target={formTarget}
          me={me}
          onClose={() => setFormTarget(null)}
          onSaved={(detail) => {
            setFormTarget(null);
            navigate(`/enterprises/${detail.id}`);
          }}
          onReload={() => setFormTarget(null)}
        />
      )}
    </>
  );
}
