import type { MenuEntry, PermissionDef } from '../../../platform/kit/index.ts';
import {
  INSPECT,
  MEETING_WRITE,
  NIGHTWORK_APPROVE,
  NIGHTWORK_REQUEST,
  OVERSIGHT_READ,
  RECTIFY,
} from './oversight.scope.ts';

/** Who holds the oversight permissions; data scope is decided per record by the entity policies. */
export const oversightPermissions: PermissionDef[] = [
  {
    key: OVERSIGHT_READ,
    name: { zh: '查看督查例会、安全巡查与夜间施工', en: 'View meetings, safety inspections and night work' },
    roles: ['staff', 'leader', 'partner'],
  },
  {
    key: MEETING_WRITE,
    name: { zh: '记录督查例会与督办事项', en: 'Record supervision meetings and action items' },
    roles: ['staff'],
  },
  {
    key: INSPECT,
    name: { zh: '记录安全巡查、复查与销号', en: 'Record safety inspections, re-inspections and closures' },
    roles: ['staff', 'partner'],
  },
  {
    key: RECTIFY,
    name: { zh: '提交隐患整改回复', en: 'Reply to inspection findings with evidence' },
    roles: ['staff', 'partner'],
  },
  {
    key: NIGHTWORK_REQUEST,
    name: { zh: '申请夜间施工并告知居民', en: 'Request night work and notify neighbours' },
    roles: ['staff', 'partner'],
  },
  {
    key: NIGHTWORK_APPROVE,
    name: { zh: '审批夜间施工', en: 'Approve night work' },
    roles: ['staff'],
  },
];

export const oversightMenu: MenuEntry[] = [
  {
    key: 'renewal.meetings',
    parent: 'renewal',
    path: '/renewal/meetings',
    label: { zh: '督查例会', en: 'Supervision meetings' },
    permission: OVERSIGHT_READ,
    icon: 'meeting',
    order: 24,
  },
  {
    key: 'renewal.inspections',
    parent: 'renewal',
    path: '/renewal/inspections',
    label: { zh: '安全巡查', en: 'Safety inspections' },
    permission: OVERSIGHT_READ,
    icon: 'inspection',
    order: 25,
  },
  {
    key: 'renewal.night-work',
    parent: 'renewal',
    path: '/renewal/night-work',
    label: { zh: '夜间施工', en: 'Night work' },
    permission: OVERSIGHT_READ,
    icon: 'night-work',
    order: 26,
  },
];
