import { useEffect, useState } from 'react';

function isPageVisible(): boolean {
  return document.visibilityState !== 'hidden';
}

/** Whether the browser tab is visible, following `visibilitychange`. */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(isPageVisible);
  useEffect(() => {
    const onChange = () => setVisible(isPageVisible());
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
}
