import {
  Dropdown,
  DropdownItem,
  DropdownList,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MenuToggle,
  Nav,
  NavItem,
  NavList,
  Page,
  PageSidebar,
  PageSidebarBody,
  SkipToContent,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { toAudit } from '../audit/routes.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { SessionExpiredModal } from '../auth/SessionExpiredModal.tsx';
import { toDashboard } from '../dashboard/routes.ts';
import { toDevices } from '../devices/routes.ts';
import { toIdps } from '../idps/routes.ts';
import { toInventory } from '../inventory/routes.ts';
import { toPolicies } from '../policies/routes.ts';
import { toReports } from '../reports/catalog.ts';
import { toUsers } from '../users/routes.ts';

const MAIN_ID = 'keyward-main';

function UserMenu() {
  const { t } = useTranslation('auth');
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: 'right' }}
      toggle={(ref) => (
        <MenuToggle ref={ref} variant="plainText" onClick={() => setOpen(!open)} isExpanded={open}>
          {auth.session.user.name}
        </MenuToggle>
      )}
    >
      <DropdownList>
        <DropdownItem key="signout" onClick={() => void auth.signOut()}>
          {t('signOut')}
        </DropdownItem>
      </DropdownList>
    </Dropdown>
  );
}

/** Masthead with the signed-in user, navigation, and the page. */
export function AppLayout(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const dashboard = useTranslation('dashboard').t;
  const idps = useTranslation('idps').t;
  const usersT = useTranslation('users').t;
  const reportsT = useTranslation('reports').t;
  const policies = useTranslation('policies').t;
  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadBrand>
          <MastheadLogo component="a" href="/">
            <strong>Keyward</strong>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup align={{ default: 'alignEnd' }}>
              <ToolbarItem>
                <UserMenu />
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
  const sidebar = (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label={t('navigation')}>
          <NavList>
            <NavItem>
              <NavLink to={toDevices()} end>
                {t('nav.devices')}
              </NavLink>
            </NavItem>
            <NavItem>
              <NavLink to={toDashboard()}>{dashboard('nav')}</NavLink>
            </NavItem>
            <NavItem>
              <NavLink to={toInventory()}>{t('nav.inventory')}</NavLink>
            </NavItem>
            <NavItem>
              <NavLink to={toAudit()}>{t('nav.audit')}</NavLink>
            </NavItem>
            <NavItem>
              <NavLink to={toPolicies()}>{policies('nav')}</NavLink>
            </NavItem>
            <NavItem>
              <NavLink to={toIdps()}>{idps('nav')}</NavLink>
            </NavItem>
            <NavItem>
              <NavLink to={toUsers()}>{usersT('nav')}</NavLink>
            </NavItem>
            <NavItem>
              <NavLink to={toReports()}>{reportsT('nav')}</NavLink>
            </NavItem>
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
  return (
    <Page
      masthead={masthead}
      sidebar={sidebar}
      isManagedSidebar
      skipToContent={<SkipToContent href={`#${MAIN_ID}`}>{t('skipToContent')}</SkipToContent>}
      mainContainerId={MAIN_ID}
    >
      {props.children}
      <SessionExpiredModal />
    </Page>
  );
}
