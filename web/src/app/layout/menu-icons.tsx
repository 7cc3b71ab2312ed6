import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BuildOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FileExclamationOutlined,
  GlobalOutlined,
  HomeOutlined,
  InsertRowAboveOutlined,
  IssuesCloseOutlined,
  MoonOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/**
 * The one table from a menu entry's `icon` name (declared in the server's manifests, e.g.
 * server/src/modules/renewal/manifest.ts) to its icon. A name missing here shows the generic icon.
 */
const MENU_ICONS: Record<string, ReactNode> = {
  home: <HomeOutlined aria-hidden />,
  // platform
  people: <TeamOutlined aria-hidden />,
  orgs: <ApartmentOutlined aria-hidden />,
  regions: <EnvironmentOutlined aria-hidden />,
  users: <UserSwitchOutlined aria-hidden />,
  audit: <AuditOutlined aria-hidden />,
  health: <DashboardOutlined aria-hidden />,
  // renewal (城市有机更新) and its parts
  renewal: <BuildOutlined aria-hidden />,
  project: <ProjectOutlined aria-hidden />,
  'report-missing': <FileExclamationOutlined aria-hidden />,
  issue: <IssuesCloseOutlined aria-hidden />,
  meeting: <CommentOutlined aria-hidden />,
  inspection: <SafetyCertificateOutlined aria-hidden />,
  'night-work': <MoonOutlined aria-hidden />,
  community: <InsertRowAboveOutlined aria-hidden />,
  ballot: <CheckSquareOutlined aria-hidden />,
  // facilities (农村污水与风貌)
  rural: <GlobalOutlined aria-hidden />,
  sewage: <ExperimentOutlined aria-hidden />,
  landscape: <BankOutlined aria-hidden />,
};

const GENERIC = <AppstoreOutlined aria-hidden />;

export const menuIcon = (name: string | undefined): ReactNode => (name && MENU_ICONS[name]) || GENERIC;
