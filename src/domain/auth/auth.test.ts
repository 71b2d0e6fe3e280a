import { describe, expect, it } from 'vitest';
import { actingFor, can, grantProblem, PERMISSIONS, visibleDistricts, type Grant } from './permissions.ts';
import { passwordProblem } from './password.ts';

describe('permissions', () => {
  const editor: Grant = { role: 'district-editor', districtCode: '0640011' };
  it('own means the grant\'s district; any means every district', () => {
    expect(can([editor], PERMISSIONS.editPlanOwn, '0640011')).toBe(true);
    expect(can([editor], PERMISSIONS.editPlanOwn, '0150011')).toBe(false);
    expect(can([{ role: 'program-staff', districtCode: null }], PERMISSIONS.viewPlanOwn, '0150011')).toBe(true);
    expect(can([editor], PERMISSIONS.approvePlanAny, '0640011')).toBe(false);
    expect(visibleDistricts([editor, { role: 'district-viewer', districtCode: '0020011' }])).toEqual(['0640011', '0020011']);
    expect(visibleDistricts([{ role: 'commissioner', districtCode: null }])).toBeNull();
  });
  it('a delegation holds only while the delegate is state staff, and never for a district the delegate has a role in', () => {
    const delegated: Grant = { role: 'commissioner', districtCode: null, delegatedBy: 3 };
    const staff: Grant = { role: 'program-staff', districtCode: null };
    expect(can([staff, delegated], PERMISSIONS.approvePlanAny, '0640011')).toBe(true);
    expect(actingFor([staff, delegated], PERMISSIONS.releaseFundsAny, '0640011')).toBe(3);
    // The staff role is gone: the delegation no longer holds.
    expect(can([delegated], PERMISSIONS.approvePlanAny, '0640011')).toBe(false);
    expect(can([editor, delegated], PERMISSIONS.approvePlanAny, '0150011')).toBe(false);
    // A role in Hartford: not for Hartford, still for the others.
    expect(can([staff, delegated, editor], PERMISSIONS.approvePlanAny, '0640011')).toBe(false);
    expect(can([staff, delegated, editor], PERMISSIONS.releaseFundsAny, '0640011')).toBe(false);
    expect(can([staff, delegated, editor], PERMISSIONS.approvePlanAny, '0150011')).toBe(true);
    expect(can([staff, editor], PERMISSIONS.reviewPlanAny, '0640011')).toBe(false);
    // A lapsed delegation shows no plans in lists either.
    expect(visibleDistricts([delegated, editor])).toEqual(['0640011']);
    expect(visibleDistricts([staff, delegated])).toBeNull();
    // Seeing the plan is not a decision: the district's own people (and the state) still see it.
    expect(can([staff, editor], PERMISSIONS.viewPlanOwn, '0640011')).toBe(true);
  });
  it('a district role needs a district and a statewide role must not have one', () => {
    expect(grantProblem({ role: 'district-editor', districtCode: null })).toMatch(/needs a district/);
    expect(grantProblem({ role: 'commissioner', districtCode: '0640011' })).toMatch(/statewide/);
    expect(grantProblem(editor)).toBeNull();
  });
});

describe('passwords (NIST SP 800-63B)', () => {
  it('asks for length, not composition, and refuses common or personal passwords', () => {
    expect(passwordProblem('Tr0ub4dor&3')).toMatch(/at least 15/);
    expect(passwordProblem('purple elephants dance at noon')).toBeNull();
    expect(passwordProblem('correct horse battery staple')).toMatch(/too common/);
    expect(passwordProblem('aaaaaaaaaaaaaaaaaaaa')).toMatch(/repeat/);
    expect(passwordProblem('jane.doe.hartford1', { email: 'jane.doe.hartford1@example.org' })).toMatch(/your name, your e-mail/);
    expect(passwordProblem('🍎🍐🍊🍋🍌🍉🍇🍓🫐🍈🍒🍑🥭🍍🥥')).toBeNull();
    expect(passwordProblem('x'.repeat(200))).toMatch(/at most 128/);
  });
});
