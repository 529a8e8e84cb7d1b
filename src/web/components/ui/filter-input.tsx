/**
 * A text filter for a list's filter bar that commits on Enter, on blur and on clear (not on every
 * key), so each typed letter does not fire a request or push a history entry.
 *
 *   <FilterInput value={list.params.filters.actor} onCommit={(v) => list.setFilter('actor', v)} placeholder="操作人" />
 *
 * Pass `options` to get suggestions (an AutoComplete), e.g. known action prefixes.
 */
import { AutoComplete, Input } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';

export type FilterInputProps = {
  value: string | string[] | undefined;
  onCommit(value: string | undefined): void;
  placeholder?: string;
  options?: Array<{ value: string; label?: string }>;
  style?: CSSProperties;
  testId?: string;
};

export function FilterInput({ value, onCommit, placeholder, options, style, testId }: FilterInputProps) {
  const current = typeof value === 'string' ? value : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed !== current) onCommit(trimmed === '' ? undefined : trimmed);
  };
  if (!options) {
    return (
      <Input
        allowClear
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value === '' && current) onCommit(undefined);
        }}
        onPressEnter={() => commit(text)}
        onBlur={() => commit(text)}
        style={{ width: 160, ...style }}
        data-testid={testId}
      />
    );
  }
  return (
    <AutoComplete
      allowClear
      value={text}
      placeholder={placeholder}
      options={options.filter((o) => !text || o.value.includes(text.trim().toLowerCase()))}
      onChange={(v: string | undefined) => {
        setText(v ?? '');
        if (!v && current) onCommit(undefined);
      }}
      onSelect={(v: string | undefined) => {
        if (v === undefined) return;
        setText(v);
        commit(v);
      }}
      onBlur={() => commit(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(text);
      }}
      style={{ width: 160, ...style }}
      data-testid={testId}
    />
  );
}
