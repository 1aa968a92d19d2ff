import { useQuery } from '@tanstack/react-query';
import { call, api } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from './session';

export type Me = components['schemas']['UserDto'];
export type Role = Me['roles'][number];

/** The acting user (GET /auth/me): name and roles for the shell's menus and the pages' actions. */
export function useMe() {
  const session = useSession();
  return useQuery({
    queryKey: ['auth', 'me', session?.token ?? null],
    queryFn: () => call(api.GET('/api/v1/auth/me')),
    enabled: session !== null,
    staleTime: 5 * 60_000,
  });
}

/**
 * Whether the user holds one of the roles. The menus and buttons use it to hide what a role may
 * not do; the server still refuses it (a hidden button is not the security).
 */
export function useHasRole(...roles: Role[]): boolean {
  const me = useMe().data;
  return !!me && me.roles.some((r) => roles.includes(r));
}
