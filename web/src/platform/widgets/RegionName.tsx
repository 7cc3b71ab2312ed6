import { useQuery } from '@tanstack/react-query';
import { useCan } from '../auth/auth.tsx';
import { fetchRegion, regionKeys, regionPathLabel } from '../regions.ts';

/** A region's name from its code (the code itself while loading, or without permission to read regions). */
export function RegionName({ code, path = false }: { code: string; path?: boolean }) {
  const can = useCan();
  const { data } = useQuery({
    queryKey: regionKeys.one(code),
    queryFn: () => fetchRegion(code),
    enabled: can('region.read'),
    staleTime: 30 * 60_000,
  });
  if (!data) return <span>{code}</span>;
  return <span title={data.code}>{path ? regionPathLabel(data) : data.name}</span>;
}
