// Aliases as small chips, each linking to the version it points at when that is known.
import { Link } from 'react-router';
import { registryPaths } from '../lib/registry-filters.js';

export interface AliasRef {
  alias: string;
  version?: string;
}

export function AliasChips({ name, aliases }: { name: string; aliases: readonly AliasRef[] }) {
  if (aliases.length === 0) return <span className="muted">—</span>;
  return (
    <span className="alias-chips">
      {aliases.map((a) =>
        a.version ? (
          <Link key={a.alias} className="badge alias-chip" to={registryPaths.version(name, a.version)}>
            @{a.alias} → v{a.version}
          </Link>
        ) : (
          <span key={a.alias} className="badge alias-chip">
            @{a.alias}
          </span>
        ),
      )}
    </span>
  );
}
