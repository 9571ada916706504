// The run's parameters, searchable; thousands of keys stay fast (virtualized list).
import type { Param } from '@mlflow-ts/protocol';
import { VirtualList } from '../../../components/virtual-list.js';

export function ParamsTab({ params }: { params: readonly Param[] }) {
  const sorted = [...params].sort((a, b) => a.key.localeCompare(b.key));
  return (
    <VirtualList
      items={sorted}
      keyOf={(p) => p.key}
      searchText={(p) => `${p.key} ${p.value ?? ''}`}
      emptyTitle="No parameters logged"
      testId="params-list"
      header={
        <>
          <span>Parameter</span>
          <span>Value</span>
        </>
      }
      renderRow={(p) => (
        <>
          <span className="mono" title={p.key}>
            {p.key}
          </span>
          <span className="mono" title={p.value}>
            {p.value}
          </span>
        </>
      )}
    />
  );
}
