namespace Craftsman.Load;

/// <summary>One issued access code, as POST /api/editions/{id}/access-codes answers it.</summary>
public sealed record AccessCode(string JudgeId, string Occupation, string Role, string Code);
