"""A small invented article the heuristic tests build their texts from (no text from elsewhere)."""

from __future__ import annotations

TITLE = "Council approves the new budget for the coming year"
PARAS = [
    "The city council approved the budget on Monday after a long debate about the cost of repairs "
    "to the old bridge and the new school on the hill above the harbour.",
    "Members said the plan would be reviewed again in the spring, when the first figures from the "
    "tax office are known and the contractors have sent their final offers.",
    "The mayor told reporters that the bridge would close for six weeks in the summer, and that buses "
    "would carry pupils to the school along the coast road while the work goes on.",
    "Opposition members voted against the plan, saying the repairs had been put off for too long and "
    "would now cost twice what the council had set aside for them three years ago.",
    "The school's head teacher welcomed the decision and said the new classrooms were badly needed, "
    "since two of the old ones had been closed for safety reasons since the winter storms.",
    "Work on the bridge is due to start in June, and the council expects the repairs to be finished "
    "before the autumn term begins, weather and deliveries permitting.",
]
