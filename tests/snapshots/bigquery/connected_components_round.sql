with grandparents as (
        select child.node_number, parent.parent_number as grandparent_number
        from crm_labels_round_n as child
        join crm_labels_round_n as parent on parent.node_number = child.parent_number
    ),

    candidates as (
        -- pointer jumping: move up to the grandparent
        select node_number, grandparent_number as candidate_number
        from grandparents
        union all
        -- hooking: take the smallest grandparent among the neighbours
        select edges.node_number, neighbours.grandparent_number
        from crm_edges as edges
        join grandparents as neighbours on neighbours.node_number = edges.neighbour_number
        union all
        -- hooking the parent: a whole tree moves under a neighbour's grandparent
        select labels.parent_number, neighbours.grandparent_number
        from crm_edges as edges
        join crm_labels_round_n as labels on labels.node_number = edges.node_number
        join grandparents as neighbours on neighbours.node_number = edges.neighbour_number
    )

    select node_number, min(candidate_number) as parent_number
    from candidates
    group by node_number
