/**
 * The nonce the server marks the app's own inline scripts with while it renders a page (React
 * Router's context and data scripts, the scroll restoration). The server then allows exactly
 * those scripts, by their hashes, and removes the marks: a script that reached the page any
 * other way carries no mark and is not allowed. Undefined in the browser.
 */
import { createContext, useContext } from 'react';

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
