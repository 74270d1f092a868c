/**
 * The bridge between the API layer and the step-up dialog. When an action answers
 * STEP_UP_REQUIRED, the API layer asks the registered dialog for a code; the dialog calls `verify`
 * with each code typed (an error message comes back for a refused one, null once accepted) and
 * resolves true when the check passed, false when the user cancelled.
 */
export type VerifyCode = (code: string) => Promise<string | null>;
export type StepUpPrompt = (verify: VerifyCode) => Promise<boolean>;

let prompt: StepUpPrompt | null = null;

/** Called by the dialog when it mounts; the returned function unregisters it. */
export function registerStepUpPrompt(next: StepUpPrompt): () => void {
  prompt = next;
  return () => {
    if (prompt === next) prompt = null;
  };
}

/** Asks for a code through the dialog (false when no dialog is mounted). */
export function askForStepUp(verify: VerifyCode): Promise<boolean> {
  return prompt ? prompt(verify) : Promise.resolve(false);
}
