{#- The connected components of a graph given as (node_key, link_key) rows: nodes sharing a
    link_key are linked, a null link_key adds a lone node. Returns {'sql': a select of
    (node_key, component_key, resolution_rounds), 'work_relations': [...]} where
    component_key is the smallest node_key of the node's component; the caller builds
    its table from that select, then drops the work relations.

    Min-label propagation with pointer jumping (FastSV: Zhang, Azad and Hu, 2020), one
    set-based statement per round on integer node numbers. Every node keeps a parent
    that is never larger than itself and always in its component; a round moves each
    parent to the smallest of its grandparent, its neighbours' grandparents and, for a
    tree root, its children's neighbours' grandparents. Labels only decrease, so the loop
    stops by itself when a round changes nothing; then every node points at a root that
    no neighbour can lower, which is the component's minimum. Pointer jumping halves
    every path each round, so a chain of n hops takes about log2(n) rounds. Reaching
    max_rounds without converging raises an error. -#}
{% macro connected_components(input_sql, relation, max_rounds) %}
  {{ return(adapter.dispatch('connected_components', 'activity_schema')(input_sql, relation, max_rounds)) }}
{% endmacro %}

{% macro default__connected_components(input_sql, relation, max_rounds) %}
  {%- set graph_input = activity_schema._connected_components_work_relation(relation, 'input') -%}
  {%- set nodes = activity_schema._connected_components_work_relation(relation, 'nodes') -%}
  {%- set edges = activity_schema._connected_components_work_relation(relation, 'edges') -%}
  {%- set labels = [activity_schema._connected_components_work_relation(relation, 'labels_a'),
                    activity_schema._connected_components_work_relation(relation, 'labels_b')] -%}
  {%- set work_relations = [graph_input, nodes, edges] + labels -%}
  {%- for work_relation in work_relations -%}{%- do adapter.drop_relation(work_relation) -%}{%- endfor -%}

  {%- do run_query(dbt.create_table_as(False, graph_input, input_sql)) -%}
  {%- do run_query(dbt.create_table_as(False, nodes, activity_schema._connected_components_nodes_sql(graph_input))) -%}
  {%- do run_query(dbt.create_table_as(False, edges, activity_schema._connected_components_edges_sql(graph_input, nodes))) -%}
  {%- do run_query(dbt.create_table_as(False, labels[0], activity_schema._connected_components_initial_labels_sql(nodes, edges))) -%}

  {%- set state = namespace(current=0, rounds=0, changed=none) -%}
  {%- for round in range(1, max_rounds + 1) -%}
    {%- if state.changed is none or state.changed > 0 -%}
      {%- set current_labels = labels[state.current] -%}
      {%- set next_labels = labels[1 - state.current] -%}
      {%- do adapter.drop_relation(next_labels) -%}
      {%- do run_query(dbt.create_table_as(False, next_labels, activity_schema._connected_components_round_sql(current_labels, edges))) -%}
      {%- set state.changed = run_query(activity_schema._connected_components_changed_sql(current_labels, next_labels)).columns[0].values()[0] | int -%}
      {%- set state.current = 1 - state.current -%}
      {%- set state.rounds = round -%}
      {%- do log(relation ~ ": connected components round " ~ round ~ ", " ~ state.changed ~ " labels changed", info=false) -%}
    {%- endif -%}
  {%- endfor -%}

  {%- if state.changed > 0 -%}
    {%- for work_relation in work_relations -%}{%- do adapter.drop_relation(work_relation) -%}{%- endfor -%}
    {{ exceptions.raise_compiler_error("connected_components: " ~ relation ~ " did not converge within max_rounds=" ~ max_rounds ~ " rounds (" ~ state.changed ~ " labels still changed in the last round). Rounds grow with log2 of the longest chain, so this means a graph far larger than expected or a bug; raise vars.headless_crm.max_resolution_rounds only after checking.") }}
  {%- endif -%}
  {%- do log(relation ~ ": connected components converged after " ~ state.rounds ~ " rounds", info=true) -%}

  {%- set final_sql -%}
    select
        nodes.node_key,
        components.node_key as component_key,
        cast({{ state.rounds }} as {{ dbt.type_int() }}) as resolution_rounds
    from {{ labels[state.current] }} as labels
    join {{ nodes }} as nodes on nodes.node_number = labels.node_number
    join {{ nodes }} as components on components.node_number = labels.parent_number
  {%- endset -%}
  {{ return({'sql': final_sql, 'work_relations': work_relations}) }}
{% endmacro %}

{% macro _connected_components_work_relation(relation, suffix) %}
  {{ return(relation.incorporate(path={'identifier': relation.identifier ~ '__cc_' ~ suffix}, type='table')) }}
{% endmacro %}

{#- Integer node numbers in node_key order, so the smallest number is the smallest key. -#}
{% macro _connected_components_nodes_sql(graph_input) %}
    select node_key, row_number() over (order by {{ activity_schema.binary_order('node_key') }}) as node_number
    from (select distinct node_key from {{ graph_input }} where node_key is not null) as distinct_nodes
{% endmacro %}

{#- Each link group as a star around its smallest node (not all pairs: a group of k nodes
    gives k - 1 edges), stored in both directions. -#}
{% macro _connected_components_edges_sql(graph_input, nodes) %}
    with linked as (
        select distinct nodes.node_number, graph_input.link_key
        from {{ graph_input }} as graph_input
        join {{ nodes }} as nodes on nodes.node_key = graph_input.node_key
        where graph_input.link_key is not null
    ),

    anchored as (
        select node_number, min(node_number) over (partition by link_key) as anchor_number
        from linked
    )

    select distinct node_number, neighbour_number
    from (
        select node_number, anchor_number as neighbour_number from anchored
        union all
        select anchor_number, node_number from anchored
    ) as both_directions
    where node_number <> neighbour_number
{% endmacro %}

{#- Round 0: each node's parent is the smallest of itself and its neighbours. -#}
{% macro _connected_components_initial_labels_sql(nodes, edges) %}
    select node_number, min(candidate_number) as parent_number
    from (
        select node_number, node_number as candidate_number from {{ nodes }}
        union all
        select node_number, neighbour_number from {{ edges }}
    ) as candidates
    group by node_number
{% endmacro %}

{% macro _connected_components_round_sql(labels, edges) %}
    with grandparents as (
        select child.node_number, parent.parent_number as grandparent_number
        from {{ labels }} as child
        join {{ labels }} as parent on parent.node_number = child.parent_number
    ),

    candidates as (
        -- pointer jumping: move up to the grandparent
        select node_number, grandparent_number as candidate_number
        from grandparents
        union all
        -- hooking: take the smallest grandparent among the neighbours
        select edges.node_number, neighbours.grandparent_number
        from {{ edges }} as edges
        join grandparents as neighbours on neighbours.node_number = edges.neighbour_number
        union all
        -- hooking the parent: a whole tree moves under a neighbour's grandparent
        select labels.parent_number, neighbours.grandparent_number
        from {{ edges }} as edges
        join {{ labels }} as labels on labels.node_number = edges.node_number
        join grandparents as neighbours on neighbours.node_number = edges.neighbour_number
    )

    select node_number, min(candidate_number) as parent_number
    from candidates
    group by node_number
{% endmacro %}

{% macro _connected_components_changed_sql(current_labels, next_labels) %}
    select count(*) as changed_labels
    from {{ next_labels }} as next_labels
    join {{ current_labels }} as current_labels on current_labels.node_number = next_labels.node_number
    where next_labels.parent_number <> current_labels.parent_number
{% endmacro %}
