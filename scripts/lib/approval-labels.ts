/** Labels of the approval chain that the workflow and `governance` share. */
export { URGENT_LABEL } from '../../src/lib/approval/urgent.ts';
/** Added to a pull request published on the urgent path, for the secretary's review afterwards. */
export const RETROSPECTIVE_LABEL = 'retrospective-review';
