export { CryptoError, type CryptoProvider } from './crypto-provider.ts';
export {
  createSmCryptoProvider,
  parseMasterKey,
  type SmCryptoProviderOptions,
} from './sm-crypto-provider.ts';
