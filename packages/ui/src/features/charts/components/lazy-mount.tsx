// Renders its children only while a fixed-height placeholder is near the viewport (one shared observer).
import { useEffect, useRef, useState, type ReactNode } from 'react';

type Listener = (visible: boolean) => void;

/**
 * One IntersectionObserver for every chart on the page: thousands of metric keys mean thousands
 * of placeholders, and one observer with a map of callbacks is far cheaper than one each.
 */
let shared: { observer: IntersectionObserver; listeners: Map<Element, Listener> } | undefined;

function observe(element: Element, listener: Listener): () => void {
  if (!shared) {
    const listeners = new Map<Element, Listener>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
      },
      // Start mounting a screen ahead so charts are drawn by the time they scroll in.
      { rootMargin: '100% 0px' },
    );
    shared = { observer, listeners };
  }
  shared.listeners.set(element, listener);
  shared.observer.observe(element);
  return () => {
    shared?.observer.unobserve(element);
    shared?.listeners.delete(element);
  };
}

export interface LazyMountProps {
  height: number;
  children: ReactNode;
  /** What stands in while the child is not mounted. */
  placeholder?: ReactNode;
  className?: string;
}

/**
 * Mounts `children` while the box is near the viewport and unmounts them once it is far away, so
 * only a screenful of charts ever exists (and polls) at a time; the box keeps its height.
 */
export function LazyMount({ height, children, placeholder, className }: LazyMountProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    return observe(element, setVisible);
  }, []);
  return (
    <div
      ref={ref}
      className={className}
      style={{ minHeight: height }}
      data-mounted={visible ? 'true' : 'false'}
    >
      {visible ? children : placeholder}
    </div>
  );
}
