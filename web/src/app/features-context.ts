import { createContext, useContext } from 'react';
import type { FeatureDescriptor } from './feature';

/**
 * The registered features, provided by App. Pages that list features (the home pages) read them here:
 * importing features/registry-of-features would close an import cycle, since it lazily imports them.
 */
export const FeaturesContext = createContext<readonly FeatureDescriptor[]>([]);

export function useFeatures(): readonly FeatureDescriptor[] {
  return useContext(FeaturesContext);
}
