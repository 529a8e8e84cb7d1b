import { BankOutlined, BuildOutlined, ClusterOutlined, EnvironmentOutlined, FlagOutlined, HomeOutlined, SafetyCertificateOutlined, StarOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { OrgUnitKind } from '../../../shared/roles';

/** Icon and tag colour per org-unit kind (三级监管网络: city → departments/townships → villages). */
export const orgKindIcons: Record<OrgUnitKind, ReactNode> = {
  city: <BankOutlined />,
  office: <StarOutlined />,
  department: <ClusterOutlined />,
  station: <SafetyCertificateOutlined />,
  township: <HomeOutlined />,
  street: <EnvironmentOutlined />,
  park: <BuildOutlined />,
  village: <FlagOutlined />,
};

export const orgKindColors: Record<OrgUnitKind, string> = {
  city: 'red',
  office: 'volcano',
  department: 'blue',
  station: 'geekblue',
  township: 'green',
  street: 'cyan',
  park: 'purple',
  village: 'lime',
};

export const orgFieldLabels: Record<string, { zh: string; en: string }> = {
  id: { zh: 'ID', en: 'ID' },
  parentId: { zh: '上级单位', en: 'Parent unit' },
  kind: { zh: '类型', en: 'Kind' },
  code: { zh: '编码', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  shortName: { zh: '简称', en: 'Short name' },
  regionCode: { zh: '行政区划代码', en: 'Region code' },
  depth: { zh: '层级', en: 'Depth' },
  sortOrder: { zh: '排序', en: 'Sort order' },
  contactPerson: { zh: '联系人', en: 'Contact person' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  address: { zh: '地址', en: 'Address' },
  isActive: { zh: '启用', en: 'Active' },
  deactivatedAt: { zh: '停用时间', en: 'Deactivated at' },
  reason: { zh: '原因', en: 'Reason' },
};

export const orgActionLabels: Record<string, { zh: string; en: string }> = {
  'org_unit.create': { zh: '新建', en: 'Created' },
  'org_unit.update': { zh: '修改', en: 'Edited' },
  'org_unit.rename': { zh: '更名', en: 'Renamed' },
  'org_unit.move': { zh: '调整上级', en: 'Moved' },
  'org_unit.deactivate': { zh: '停用', en: 'Deactivated' },
  'org_unit.reactivate': { zh: '启用', en: 'Reactivated' },
};
