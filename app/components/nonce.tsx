import { createContext, useContext } from "react";

// The per-request CSP nonce, rendered on the server only: browsers hide the attribute once the
// page loads, so the client renders an empty string and React keeps the server's value.
const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
