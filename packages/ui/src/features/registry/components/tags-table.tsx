// A key/value table of registry tags, with an empty note when there are none.
export function TagsTable({ tags }: { tags: readonly { key: string; value?: string }[] | undefined }) {
  if (!tags || tags.length === 0) return <p className="muted">No tags.</p>;
  return (
    <table className="table tags-table">
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {tags.map((t) => (
          <tr key={t.key}>
            <td className="mono">{t.key}</td>
            <td>{t.value ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
